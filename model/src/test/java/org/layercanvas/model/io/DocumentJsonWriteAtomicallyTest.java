package org.layercanvas.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.TrainingSettings;

class DocumentJsonWriteAtomicallyTest {
    @TempDir
    Path dir;

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void writesCompleteContentThatReadsBack() throws Exception {
        NetworkDocument doc = DocumentJsonRoundTripTest.everyLayerDocument();
        Path file = dir.resolve("net.lcnet");
        DocumentJson.writeAtomically(doc, file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(DocumentJson.write(doc));
        assertThat(DocumentJson.read(file)).isEqualTo(doc);
        assertThat(listing()).containsExactly(file);
    }

    @Test
    void replacesAnExistingFile() throws Exception {
        Path file = dir.resolve("net.lcnet");
        Files.writeString(file, "x".repeat(100_000));
        NetworkDocument doc = DocumentJsonRoundTripTest.simple(TrainingSettings.DEFAULT, null);
        DocumentJson.writeAtomically(doc, file);
        assertThat(Files.readString(file)).isEqualTo(DocumentJson.write(doc));
        assertThat(listing()).containsExactly(file);
    }

    @Test
    void relativePathInTheCurrentDirectoryWorks() throws Exception {
        // a relative path: the writer resolves it against the working directory to find where the temp file goes
        Path relative = Path.of("target", "atomic-" + System.nanoTime() + ".lcnet");
        try {
            DocumentJson.writeAtomically(DocumentJsonRoundTripTest.simple(TrainingSettings.DEFAULT, null), relative);
            assertThat(Files.exists(relative)).isTrue();
        } finally {
            Files.deleteIfExists(relative);
        }
    }

    @Test
    void failedWriteKeepsThePreviousFileAndLeavesNoTempFile() throws Exception {
        Path file = dir.resolve("net.lcnet");
        Files.writeString(file, "previous content");
        byte[] content = DocumentJson.write(DocumentJsonRoundTripTest.everyLayerDocument())
                .getBytes(StandardCharsets.UTF_8);
        // simulate a full disk: half the bytes go out, then the write fails
        AtomicFiles.Sink fullDisk = (channel, bytes) -> {
            channel.write(ByteBuffer.wrap(bytes, 0, bytes.length / 2));
            throw new IOException("No space left on device");
        };
        assertThatThrownBy(() -> AtomicFiles.write(file, content, fullDisk))
                .isInstanceOf(IOException.class).hasMessageContaining("No space left");
        assertThat(Files.readString(file)).isEqualTo("previous content");
        assertThat(listing()).containsExactly(file);
    }

    @Test
    void directoryInTheWayFailsAndLeavesNoTempFile() throws Exception {
        Path target = dir.resolve("net.lcnet");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside.txt"), "keep me");
        NetworkDocument doc = DocumentJsonRoundTripTest.simple(TrainingSettings.DEFAULT, null);
        assertThatThrownBy(() -> DocumentJson.writeAtomically(doc, target)).isInstanceOf(IOException.class);
        assertThat(Files.isDirectory(target)).isTrue();
        assertThat(Files.readString(target.resolve("inside.txt"))).isEqualTo("keep me");
        assertThat(listing()).containsExactly(target);
    }

    @Test
    void missingDirectoryFails() {
        Path file = dir.resolve("no-such-dir").resolve("net.lcnet");
        NetworkDocument doc = DocumentJsonRoundTripTest.simple(TrainingSettings.DEFAULT, null);
        assertThatThrownBy(() -> DocumentJson.writeAtomically(doc, file)).isInstanceOf(IOException.class);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void keepsThePermissionsOfTheReplacedFile() throws Exception {
        Path file = dir.resolve("net.lcnet");
        Files.writeString(file, "old");
        Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(file, perms);
        DocumentJson.writeAtomically(DocumentJsonRoundTripTest.simple(TrainingSettings.DEFAULT, null), file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(perms);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void writesThroughASymbolicLink() throws Exception {
        Path real = dir.resolve("real.lcnet");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.lcnet"), real);
        NetworkDocument doc = DocumentJsonRoundTripTest.simple(TrainingSettings.DEFAULT, null);
        DocumentJson.writeAtomically(doc, link);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo(DocumentJson.write(doc));
    }
}

package org.layercanvas.model.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file's content so that readers (and a crash or a full disk) see either the old or the new content,
 * never a truncated mix: write a temporary file in the same directory, fsync it, then rename it over the target.
 */
final class AtomicFiles {
    /** Writes the bytes into an open channel; replaceable in tests to simulate a full disk. */
    @FunctionalInterface
    interface Sink {
        void write(FileChannel channel, byte[] content) throws IOException;
    }

    static final Sink FULL_WRITE = (channel, content) -> {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    };

    /** Prefix and suffix of temporary files, so that leftovers of a killed process are recognisable. */
    static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    static void write(Path file, byte[] content) throws IOException {
        write(file, content, FULL_WRITE);
    }

    static void write(Path file, byte[] content, Sink sink) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.isSymbolicLink(target)) {
            // replace the file the link points to, not the link
            target = target.toRealPath();
        }
        Path dir = target.getParent();
        if (dir == null) {
            throw new IOException("no parent directory: " + target);
        }
        Path temp = createTemp(dir, target.getFileName().toString());
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                sink.write(channel, content);
                channel.force(true);
            }
            copyPermissions(target, temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException suppressed) {
                    // the original failure matters more; a leftover temp file is recognisable by its name
                }
            }
        }
    }

    private static Path createTemp(Path dir, String targetName) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String name = "." + targetName + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + TEMP_SUFFIX;
            Path temp = dir.resolve(name);
            try {
                // CREATE_NEW with default attributes: permissions follow the umask, unlike createTempFile (0600)
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /** Keeps the target's POSIX permissions when it already exists; best effort. */
    private static void copyPermissions(Path target, Path temp) {
        try {
            PosixFileAttributeView from = Files.getFileAttributeView(target, PosixFileAttributeView.class);
            PosixFileAttributeView to = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            if (from != null && to != null && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                to.setPermissions(from.readAttributes().permissions());
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // keep the default permissions
        }
    }

    /** Makes the rename durable on file systems that support syncing a directory (not Windows); best effort. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here; the data itself is already synced
        }
    }
}

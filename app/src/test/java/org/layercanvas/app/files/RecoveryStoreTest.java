package org.layercanvas.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.app.TestDocs;
import org.layercanvas.model.NetworkDocument;

class RecoveryStoreTest {
    @TempDir
    Path dir;

    @Test
    void aSlotLeftBehindIsOfferedWithItsOriginAndCanBeDiscarded() throws Exception {
        RecoveryStore store = new RecoveryStore(dir);
        NetworkDocument doc = TestDocs.sample("xor-2d");
        RecoveryStore.Slot slot = store.newSlot();
        slot.write(doc, Optional.of(dir.resolve("mine.lcnet")));

        List<RecoveryStore.Entry> left = new RecoveryStore(dir).leftovers();
        assertThat(left).hasSize(1);
        assertThat(left.get(0).origin()).isEqualTo(dir.resolve("mine.lcnet"));
        assertThat(store.read(left.get(0))).isEqualTo(doc);

        store.discard(left.get(0));
        assertThat(store.leftovers()).isEmpty();
    }

    @Test
    void aClearedSlotLeavesNothing() throws Exception {
        RecoveryStore store = new RecoveryStore(dir);
        RecoveryStore.Slot slot = store.newSlot();
        slot.write(TestDocs.sample("xor-2d"), Optional.empty());
        slot.clear();
        assertThat(store.leftovers()).isEmpty();
        try (var files = Files.list(dir.resolve("recovery"))) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void recentFilesAreNewestFirstWithoutDuplicates() {
        RecentFiles recent = new RecentFiles(dir);
        recent.add(dir.resolve("a.lcnet"));
        recent.add(dir.resolve("b.lcnet"));
        recent.add(dir.resolve("a.lcnet"));
        assertThat(recent.list()).containsExactly(dir.resolve("a.lcnet"), dir.resolve("b.lcnet"));
        recent.remove(dir.resolve("b.lcnet"));
        assertThat(new RecentFiles(dir).list()).containsExactly(dir.resolve("a.lcnet"));
    }
}

package org.layercanvas.app.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.samples.Samples;

class StartViewModelTest {
    @TempDir
    Path dir;

    @Test
    void everySampleHasACardWithWhatItTeachesAndReaches() {
        StartViewModel model = new StartViewModel(List::of);
        assertThat(model.cards()).extracting(StartViewModel.SampleCard::name)
                .containsExactlyElementsOf(Samples.names());
        StartViewModel.SampleCard spiral = model.cards().stream().filter(c -> c.name().equals("spiral-2d"))
                .findFirst().orElseThrow();
        assertThat(spiral.title()).isEqualTo("Three-arm spiral");
        assertThat(spiral.teaches()).startsWith("Points on three interleaved spiral arms").endsWith(".")
                .doesNotContain("Depth and width matter");
        assertThat(spiral.dataset()).isEqualTo("spiral");
        assertThat(spiral.download()).isFalse();
        assertThat(spiral.reaches()).isEqualTo("at least 80.0 % test accuracy, about 4 s");
        StartViewModel.SampleCard cifar = model.cards().stream().filter(c -> c.name().equals("cifar10-cnn"))
                .findFirst().orElseThrow();
        assertThat(cifar.download()).isTrue();
        assertThat(cifar.reaches()).isEqualTo("about 65.0 % test accuracy, about 1 h");
    }

    @Test
    void sentencesEndAtAFullStopNotInsideANumber() {
        assertThat(StartViewModel.firstSentences("Reaches 97.5 % quickly. Then more. And more.", 2))
                .isEqualTo("Reaches 97.5 % quickly. Then more.");
        assertThat(StartViewModel.firstSentences("No full stop", 2)).isEqualTo("No full stop");
        assertThat(StartViewModel.firstSentences("第一句。第二句。第三句。", 2)).isEqualTo("第一句。第二句。");
    }

    @Test
    void recentFilesThatAreGoneAreLeftOut() throws Exception {
        Path kept = Files.writeString(dir.resolve("kept.lcnet"), "{}");
        StartViewModel model = new StartViewModel(() -> List.of(kept, dir.resolve("gone.lcnet")));
        assertThat(model.recentFiles()).containsExactly(kept);
    }

    @Test
    void durationsInSecondsMinutesHours() {
        assertThat(StartViewModel.duration(4)).isEqualTo("4 s");
        assertThat(StartViewModel.duration(900)).isEqualTo("15 min");
        assertThat(StartViewModel.duration(7200)).isEqualTo("2 h");
    }
}

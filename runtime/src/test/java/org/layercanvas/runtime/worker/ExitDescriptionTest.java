package org.layercanvas.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The crash sentence in both languages, and what exit codes mean. */
class ExitDescriptionTest {
    private final Locale before = Locale.getDefault();

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void signalsAndWindowsCodesHaveMeanings() {
        Locale.setDefault(Locale.ROOT);
        assertThat(ExitDescription.exitMeaning(137)).isEqualTo("killed");
        assertThat(ExitDescription.exitMeaning(-1073741819)).isEqualTo("access violation, a crash in native code");
        assertThat(ExitDescription.exitMeaning(0)).isNull();
        assertThat(ExitDescription.exitMeaning(42)).isNull();
    }

    @Test
    void chineseSentencesAreWholeSentences() {
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        assertThat(ExitDescription.describe(137, List.of(), false)).isEqualTo("训练进程意外结束（退出代码 137：被强制结束）");
        assertThat(ExitDescription.describe(3, List.of("java.lang.OutOfMemoryError"), true))
                .startsWith("训练进程在训练结束后意外结束，因为内存不足（退出代码 3）。");
    }
}

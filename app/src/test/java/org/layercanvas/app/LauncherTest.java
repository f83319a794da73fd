package org.layercanvas.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LauncherTest {

    @Test
    void oneNetworkFileOpensTheWindowLikeADoubleClickOnIt() {
        assertThat(Launcher.opensDocument(new String[] {"/home/ann/xor.lcnet"})).isTrue();
        assertThat(Launcher.opensDocument(new String[] {"C:\\Users\\Ann\\Spiral.LCNET"})).isTrue();
    }

    @Test
    void everythingElseIsTheCommandLine() {
        assertThat(Launcher.opensDocument(new String[] {"check", "xor.lcnet"})).isFalse();
        assertThat(Launcher.opensDocument(new String[] {"--version"})).isFalse();
        assertThat(Launcher.opensDocument(new String[] {"worker"})).isFalse();
        assertThat(Launcher.opensDocument(new String[] {"-x.lcnet"})).isFalse();
        assertThat(Launcher.opensDocument(new String[] {"notes.txt"})).isFalse();
    }
}

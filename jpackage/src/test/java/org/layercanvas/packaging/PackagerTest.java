package org.layercanvas.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagerTest {

    @Test
    void installerVersionDropsTheQualifierThatMsiRefuses() {
        assertThat(Packager.installerVersion("1.0.0-SNAPSHOT")).isEqualTo("1.0.0");
        assertThat(Packager.installerVersion("2.3")).isEqualTo("2.3");
        assertThat(Packager.installerVersion("1.4.2+build7")).isEqualTo("1.4.2");
    }

    @Test
    void installerVersionRefusesWhatAnInstallerCannotCarry() {
        assertThatThrownBy(() -> Packager.installerVersion("0.1.0-SNAPSHOT")).hasMessageContaining("macOS");
        assertThatThrownBy(() -> Packager.installerVersion("1.0.0.0")).hasMessageContaining("N[.N[.N]]");
        assertThatThrownBy(() -> Packager.installerVersion("latest")).hasMessageContaining("latest");
    }

    @Test
    void theBuildsOwnVersionIsOneAnInstallerTakes() throws IOException {
        // The parent pom's version, as the installer profile passes it.
        String pom = Files.readString(Path.of("..", "pom.xml"));
        String version = pom.replaceFirst("(?s).*?<artifactId>layercanvas-parent</artifactId>\\s*<version>([^<]+)"
                + "</version>.*", "$1");
        assertThat(Packager.installerVersion(version)).matches("[1-9]\\d*(\\.\\d+){0,2}");
    }

    @Test
    void runtimeModulesAreWhatJdepsFoundPlusTheServiceOnesSortedWithoutRepeats() {
        List<String> modules = Packager.mergeModules("java.base,java.sql,jdk.unsupported\n",
                List.of("jdk.crypto.ec", "java.sql", "java.naming"));
        assertThat(modules).containsExactly("java.base", "java.naming", "java.sql", "jdk.crypto.ec",
                "jdk.unsupported");
        assertThat(Packager.SERVICE_MODULES).contains("java.naming", "jdk.crypto.ec", "jdk.localedata");
    }

    @Test
    void eachOsGetsItsOwnInstallerType() {
        assertThat(Packager.installerTypes(Packager.Os.WINDOWS, "auto")).containsExactly("msi");
        assertThat(Packager.installerTypes(Packager.Os.MAC, "auto")).containsExactly("dmg");
        assertThat(Packager.installerTypes(Packager.Os.LINUX, "auto")).startsWith("deb");
        assertThat(Packager.installerTypes(Packager.Os.LINUX, "app-image")).isEmpty();
        assertThat(Packager.installerTypes(Packager.Os.LINUX, "RPM")).containsExactly("rpm");
    }

    @Test
    void linuxPackagesAskForGtkAndAddMenuEntries() {
        List<String> deb = Packager.osInstallerOptions(Packager.Os.LINUX, "deb", "LayerCanvas");
        assertThat(String.join(" ", deb)).contains("--linux-package-name layercanvas", "--linux-shortcut",
                "--linux-package-deps libgtk-3-0 | libgtk-3-0t64");
        assertThat(Packager.osInstallerOptions(Packager.Os.LINUX, "rpm", "LayerCanvas")).contains("gtk3");
        List<String> msi = Packager.osInstallerOptions(Packager.Os.WINDOWS, "msi", "LayerCanvas");
        List<String> gpuMsi = Packager.osInstallerOptions(Packager.Os.WINDOWS, "msi", "LayerCanvas-gpu");
        assertThat(msi).contains("--win-menu", "--win-shortcut");
        // the CPU and GPU variants must not replace each other when installed side by side
        assertThat(msi.get(msi.indexOf("--win-upgrade-uuid") + 1))
                .isNotEqualTo(gpuMsi.get(gpuMsi.indexOf("--win-upgrade-uuid") + 1));
    }

    @Test
    void theAppJarCarriesEveryIconSizeTheInstallersUse() throws IOException {
        for (int size : new int[] {16, 32, 48, 64, 128, 256, 512}) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Packager.iconPng(size)));
            assertThat(image.getWidth()).as("icon-%d.png", size).isEqualTo(size);
            assertThat(image.getHeight()).isEqualTo(size);
        }
    }

    @Test
    void icoHoldsEachPngWithItsSizeAndOffset() {
        Map<Integer, byte[]> pngs = new LinkedHashMap<>();
        pngs.put(16, Packager.iconPng(16));
        pngs.put(256, Packager.iconPng(256));
        byte[] ico = IconFiles.ico(pngs);
        ByteBuffer b = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getShort(0)).isZero();
        assertThat(b.getShort(2)).isEqualTo((short) 1);
        assertThat(b.getShort(4)).isEqualTo((short) 2);
        assertThat(ico[6]).isEqualTo((byte) 16);
        assertThat(ico[6 + 16]).isEqualTo((byte) 0); // 256 is written as 0
        int size0 = b.getInt(6 + 8);
        int offset0 = b.getInt(6 + 12);
        assertThat(offset0).isEqualTo(6 + 32);
        assertThat(b.getInt(6 + 16 + 12)).isEqualTo(offset0 + size0);
        assertThat(ico).hasSize(6 + 32 + pngs.get(16).length + pngs.get(256).length);
        // each entry starts with the PNG signature
        assertThat(ico[offset0 + 1]).isEqualTo((byte) 'P');
        assertThatThrownBy(() -> IconFiles.ico(Map.of(512, new byte[1]))).hasMessageContaining("512");
    }

    @Test
    void icnsHoldsEachPngUnderItsTypeWithBigEndianLengths() throws IOException {
        Map<Integer, byte[]> pngs = new LinkedHashMap<>();
        pngs.put(128, Packager.iconPng(128));
        pngs.put(512, Packager.iconPng(512));
        byte[] icns = IconFiles.icns(pngs);
        ByteBuffer b = ByteBuffer.wrap(icns).order(ByteOrder.BIG_ENDIAN);
        assertThat(new String(icns, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("icns");
        assertThat(b.getInt(4)).isEqualTo(icns.length);
        assertThat(new String(icns, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("ic07");
        int first = b.getInt(12);
        assertThat(first).isEqualTo(8 + pngs.get(128).length);
        assertThat(new String(icns, 8 + first, 4, StandardCharsets.US_ASCII)).isEqualTo("ic09");
        assertThatThrownBy(() -> IconFiles.icns(Map.of(48, new byte[1]))).hasMessageContaining("48");
    }

    @Test
    void debScriptsKeepJpackagesPlaceholdersAndManageTheArchive(@TempDir Path dir) throws IOException {
        ClassDataSharing.writeDebScripts(dir, "layercanvas");
        String postinst = Files.readString(dir.resolve("postinst"));
        String prerm = Files.readString(dir.resolve("prerm"));
        assertThat(postinst).startsWith("#!/bin/sh").contains("DESKTOP_COMMANDS_INSTALL",
                "/opt/layercanvas/lib/runtime/bin/java -Xshare:dump", "layercanvas.classlist", "layercanvas.jsa",
                "LayerCanvas.cfg");
        assertThat(prerm).contains("UTILITY_SCRIPTS", "DESKTOP_COMMANDS_UNINSTALL",
                "rm -f \"/opt/layercanvas/lib/app/layercanvas.jsa\"");
    }

    @Test
    void theIconIsDrawnAtEverySizeWithATransparentCorner() {
        for (int size : IconArt.SIZES) {
            BufferedImage image = IconArt.draw(size);
            assertThat(image.getWidth()).isEqualTo(size);
            assertThat(image.getRGB(0, 0) >>> 24).as("corner alpha at %d", size).isZero();
            assertThat(image.getRGB(size / 2, size / 2) >>> 24).as("centre alpha at %d", size).isEqualTo(255);
        }
    }
}

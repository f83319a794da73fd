package org.layercanvas.packaging;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The app's class-data-sharing (AppCDS) archive: the JVM maps the ~7,000 classes the window needs at start-up
 * from one file instead of loading and verifying them from 80 jars, which takes the installed app's cold start
 * from 2.4-3.2 s to 1.8-2.2 s on a 2-core machine.
 *
 * <p>Java 17 only accepts an archive at the class path it was made for, so it is made where the app lives: the
 * build records which classes the window loads (runs the app image once, under Xvfb when there is no display)
 * and ships that list; the .deb's post-install script makes the archive at {@code /opt/<package>} (10-20 s) and
 * its pre-removal script deletes it. Not shipping an archive keeps 36 MB out of the .deb. Windows and macOS
 * installs can be moved, so they use the JDK's own archive (jlink {@code --generate-cds-archive}) only.
 */
final class ClassDataSharing {
    static final String ARCHIVE = "layercanvas.jsa";
    static final String CLASS_LIST = "layercanvas.classlist";

    private final Path image;
    private final String launcher;
    private final PrintWriter out;

    ClassDataSharing(Path image, String launcher, PrintWriter out) {
        this.image = image;
        this.launcher = launcher;
        this.out = out;
    }

    /**
     * Starts the app image's window once with {@code -XX:DumpLoadedClassList}; it closes itself once shown
     * ({@code layercanvas.exitWhenShown}). Returns false, after saying why, when that cannot run here.
     */
    boolean recordClassList(Path work) throws IOException {
        Path list = appDir().resolve(CLASS_LIST);
        Files.deleteIfExists(list);
        List<String> cmd = new ArrayList<>();
        if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank()) {
            if (!Packager.onPath("xvfb-run")) {
                out.println("warning: no display and no xvfb-run: the installer has no class-data-sharing archive"
                        + " (the app starts about 0.6 s slower); install Debian's xvfb to get one");
                return false;
            }
            cmd.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24"));
        }
        cmd.add(image.resolve("bin").resolve(launcher).toString());
        Path home = Files.createDirectories(work.resolve("classlist-home"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(work.resolve("classlist.log").toFile());
        Map<String, String> env = pb.environment();
        // No spare training worker: it would inherit these options and write into the same class list.
        env.put("JAVA_TOOL_OPTIONS", "-XX:DumpLoadedClassList=" + list + " -Dlayercanvas.exitWhenShown=true"
                + " -Dlayercanvas.spareWorker=false -Duser.home=" + home);
        out.println("> recording the classes the window loads: " + String.join(" ", cmd));
        try {
            Process p = pb.start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                out.println("warning: the app image did not close within 180 s; no class-data-sharing archive");
                return false;
            }
            if (p.exitValue() != 0 || !Files.exists(list) || Files.size(list) == 0) {
                out.println("warning: the app image could not record its classes (exit " + p.exitValue() + ", see "
                        + work.resolve("classlist.log") + "); no class-data-sharing archive");
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        long lines;
        try (java.util.stream.Stream<String> all = Files.lines(list, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            lines = all.filter(l -> !l.startsWith("#") && !l.startsWith("@")).count();
        }
        out.println("classes at start-up: " + lines);
        return true;
    }

    private Path appDir() {
        return image.resolve("lib").resolve("app");
    }

    /**
     * The .deb's maintainer scripts: jpackage's own (menu entry and file type, through its placeholders) plus,
     * after installing, the archive made again for {@code /opt/<package>}.
     */
    static void writeDebScripts(Path resources, String packageName) throws IOException {
        String app = "/opt/" + packageName + "/lib/app";
        String dump = String.join("\n",
                "        # Class-data sharing: Java only accepts the archive at the class path it was made for.",
                "        app=" + app,
                "        if [ -f \"$app/" + CLASS_LIST + "\" ] && [ -f \"$app/" + Packager.NAME + ".cfg\" ]; then",
                "            cp=$(sed -n 's#^app.classpath=\\$APPDIR#'\"$app\"'#p' \"$app/" + Packager.NAME
                        + ".cfg\" | paste -sd: -)",
                "            /opt/" + packageName + "/lib/runtime/bin/java -Xshare:dump"
                        + " -XX:SharedClassListFile=\"$app/" + CLASS_LIST + "\""
                        + " -XX:SharedArchiveFile=\"$app/" + ARCHIVE + "\" -cp \"$cp\" >/dev/null 2>&1"
                        + " || echo \"LayerCanvas: could not make the class-data-sharing archive; the app starts a"
                        + " little slower\" >&2",
                "        fi");
        Files.writeString(resources.resolve("postinst"), maintainerScript("postinst", "",
                "configure", "DESKTOP_COMMANDS_INSTALL\n" + dump, "abort-upgrade|abort-remove|abort-deconfigure"));
        // The archive is not one of the package's files: remove it with the package.
        Files.writeString(resources.resolve("prerm"), maintainerScript("prerm", "UTILITY_SCRIPTS\n",
                "remove|upgrade|deconfigure", "DESKTOP_COMMANDS_UNINSTALL\n        rm -f \"" + app + "/" + ARCHIVE
                        + "\"", "failed-upgrade"));
    }

    /** A maintainer script in the shape of jpackage's templates, whose placeholders jpackage fills in. */
    private static String maintainerScript(String name, String preamble, String cases, String actions,
                                           String quietCases) {
        return String.join("\n",
                "#!/bin/sh",
                "# " + name + " script for APPLICATION_PACKAGE (LayerCanvas: jpackage's template plus the CDS archive)",
                "set -e",
                "",
                preamble + "case \"$1\" in",
                "    " + cases + ")",
                actions,
                "    ;;",
                "",
                "    " + quietCases + ")",
                "    ;;",
                "",
                "    *)",
                "        echo \"" + name + " called with unknown argument '$1'\" >&2",
                "        exit 1",
                "    ;;",
                "esac",
                "",
                "exit 0",
                "");
    }
}

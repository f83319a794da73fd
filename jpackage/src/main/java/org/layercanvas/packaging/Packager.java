package org.layercanvas.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Builds the desktop app image and the native installer for the OS it runs on: a trimmed Java runtime (jlink of
 * the modules jdeps finds, plus the few that are only reached through services), the jars of the app with this
 * OS's native libraries only (the build already picks them), the icon, the {@code .lcnet} file association and
 * menu entries. Runs the JDK's own jdeps, jlink and jpackage through {@link ToolProvider}, so the same code
 * works on Linux, Windows and macOS. The Maven profile {@code installer} of this module calls it; see the
 * README's "Installers" and docs/ARCHITECTURE.md.
 */
@Command(name = "packager", mixinStandardHelpOptions = true,
        description = "Builds the LayerCanvas app image and installer for this OS.")
public final class Packager implements Callable<Integer> {
    /** The app's name: the launcher, the app image folder and the installer title. */
    public static final String NAME = "LayerCanvas";
    static final String MAIN_CLASS = "org.layercanvas.app.Launcher";
    static final String DESCRIPTION = "Draw a neural network, watch it learn.";
    static final String ICONS = "/org/layercanvas/app/icons/icon-%d.png";

    /**
     * Modules that jdeps cannot see because only services, reflection or the network reach them: elliptic-curve
     * TLS for the dataset downloads, the Chinese locale data, the charsets of CSV files written on Chinese Windows
     * (GBK), the zip file system, and JNDI, whose exception class logback's start-up loads (found by the installer
     * smoke test: without it every logger fails with ClassNotFoundException: javax.naming.NamingException).
     */
    static final List<String> SERVICE_MODULES = List.of("java.naming", "jdk.crypto.ec", "jdk.localedata",
            "jdk.charsets", "jdk.zipfs");

    /**
     * The window's JVM options, as {@code ./layercanvas} gives them when it has no arguments: the quick C1
     * compiler only, so that the window leaves the cores to the training worker (which starts its own JVM with
     * the default compilers). The installed launcher passes them to command-line runs too: measured, the CLI's
     * {@code train} is as fast with them (digits sample, 100 epochs: 2.6-3.3 s against 2.7-3.4 s).
     */
    static final List<String> WINDOW_JAVA_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    /** Windows only: the window's launcher has no console, so the command line gets a console launcher. */
    static final String CONSOLE_LAUNCHER = "layercanvas-cli";

    @Option(names = "--input", required = true, description = "Folder with the app's jar and every jar it needs.")
    Path input;

    @Option(names = "--main-jar", required = true, description = "The app's jar, relative to --input.")
    String mainJar;

    @Option(names = "--version", required = true, description = "The build's version (may end in -SNAPSHOT).")
    String version;

    @Option(names = "--dest", required = true, description = "Output folder: the app image lands here, the "
            + "installers in its 'installers' folder.")
    Path dest;

    @Option(names = "--type", defaultValue = "auto", description = "app-image, deb, rpm, msi, dmg, pkg or auto "
            + "(the app image and this OS's installers)")
    String type;

    @Option(names = "--jdk", description = "JDK whose jmods make the runtime (default: the running one).")
    Path jdk;

    @Option(names = "--variant", defaultValue = "", description = "Installer variant suffix, e.g. 'gpu'.")
    String variant;

    private final PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);

    public static void main(String[] args) {
        int code = new CommandLine(new Packager()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws IOException {
        Os os = Os.current();
        Path jdkHome = jdk != null ? jdk : Path.of(System.getProperty("java.home"));
        Path work = Files.createDirectories(dest.resolve("packaging"));
        String appVersion = installerVersion(version);
        String name = variant.isBlank() ? NAME : NAME + "-" + variant;

        Path icon = writeIcon(os, work);
        Path assoc = writeFileAssociation(work, icon, os);

        List<String> modules = modules(jdkHome);
        out.println("runtime modules: " + String.join(",", modules));
        Path runtime = work.resolve("runtime");
        deleteTree(runtime);
        List<String> jlink = new ArrayList<>(List.of("--module-path", jdkHome.resolve("jmods").toString(),
                "--add-modules", String.join(",", modules), "--include-locales=en,zh", "--strip-debug",
                "--no-man-pages", "--no-header-files", "--output", runtime.toString()));
        if (os != Os.LINUX) {
            // The JDK's own class-data-sharing archive (22 MB); Linux installs make the app's own instead.
            jlink.add("--generate-cds-archive");
        }
        run("jlink", jlink.toArray(String[]::new));

        Path image = dest.resolve(os == Os.MAC ? name + ".app" : name);
        deleteTree(image);
        List<String> imageArgs = new ArrayList<>(List.of("--type", "app-image", "--name", name,
                "--app-version", appVersion, "--vendor", NAME, "--description", DESCRIPTION,
                "--copyright", "LayerCanvas contributors", "--input", input.toString(), "--main-jar", mainJar,
                "--main-class", MAIN_CLASS, "--runtime-image", runtime.toString(), "--icon", icon.toString(),
                "--dest", dest.toString()));
        for (String option : WINDOW_JAVA_OPTIONS) {
            imageArgs.add("--java-options");
            imageArgs.add(option);
        }
        if (os == Os.MAC) {
            imageArgs.addAll(List.of("--mac-package-identifier", "org.layercanvas.app", "--mac-package-name", NAME));
        }
        if (os == Os.LINUX) {
            // The app's own class-data-sharing archive (see ClassDataSharing): made by the package's post-install
            // script at the installed path. When the file is missing the JVM starts without sharing.
            imageArgs.addAll(List.of("--java-options", "-XX:SharedArchiveFile=$APPDIR/" + ClassDataSharing.ARCHIVE));
        }
        if (os == Os.WINDOWS) {
            Path console = Files.writeString(work.resolve(CONSOLE_LAUNCHER + ".properties"), "win-console=true\n");
            imageArgs.addAll(List.of("--add-launcher", CONSOLE_LAUNCHER + "=" + console));
        }
        run("jpackage", imageArgs.toArray(String[]::new));
        out.println("app image: " + image.toAbsolutePath());
        Path resources = Files.createDirectories(work.resolve("resources"));
        if (os == Os.LINUX) {
            ClassDataSharing cds = new ClassDataSharing(image, name, out);
            if (cds.recordClassList(work)) {
                ClassDataSharing.writeDebScripts(resources, name.toLowerCase(Locale.ROOT));
            }
        }

        Path installers = Files.createDirectories(dest.resolve("installers"));
        for (String t : installerTypes(os, type)) {
            List<String> args = new ArrayList<>(List.of("--type", t, "--app-image", image.toString(), "--name", name,
                    "--app-version", appVersion, "--vendor", NAME, "--description",
                    DESCRIPTION, "--file-associations", assoc.toString(),
                    "--dest", installers.toString(), "--resource-dir", resources.toString()));
            args.addAll(osInstallerOptions(os, t, name));
            run("jpackage", args.toArray(String[]::new));
        }
        try (Stream<Path> files = Files.list(installers)) {
            files.sorted().forEach(f -> out.println("installer: " + f.toAbsolutePath() + " ("
                    + megabytes(f) + " MB)"));
        }
        return 0;
    }

    /** The installer version: the build's without {@code -SNAPSHOT} or any other qualifier (MSI refuses them). */
    static String installerVersion(String buildVersion) {
        String plain = buildVersion.split("[-+]", 2)[0];
        if (!plain.matches("\\d+(\\.\\d+){0,2}")) {
            throw new IllegalArgumentException("version '" + buildVersion + "' is not N[.N[.N]][-qualifier]");
        }
        if (plain.startsWith("0")) {
            // macOS refuses a bundle version whose first number is 0.
            throw new IllegalArgumentException("version '" + buildVersion + "' starts with 0: macOS installers "
                    + "need 1 or more");
        }
        return plain;
    }

    /** The installer types to build for {@code requested} on {@code os}. */
    static List<String> installerTypes(Os os, String requested) {
        String r = requested.toLowerCase(Locale.ROOT);
        if (r.equals("app-image")) {
            return List.of();
        }
        if (!r.equals("auto")) {
            return List.of(r);
        }
        return switch (os) {
            case LINUX -> onPath("rpmbuild") ? List.of("deb", "rpm") : List.of("deb");
            case WINDOWS -> List.of("msi");
            case MAC -> List.of("dmg");
        };
    }

    static List<String> osInstallerOptions(Os os, String type, String name) {
        return switch (os) {
            case LINUX -> List.of("--linux-package-name", name.toLowerCase(Locale.ROOT), "--linux-shortcut",
                    "--linux-menu-group", "Education;Science;", "--linux-app-category", "education",
                    // JavaFX's natives come in the jars, but the window needs GTK 3 from the system.
                    "--linux-package-deps", type.equals("rpm") ? "gtk3" : "libgtk-3-0 | libgtk-3-0t64",
                    "--linux-deb-maintainer", "layercanvas@users.noreply.github.com");
            case WINDOWS -> List.of("--win-menu", "--win-menu-group", NAME, "--win-shortcut", "--win-dir-chooser",
                    // One fixed id per variant: a new version replaces the old one instead of sitting next to it.
                    "--win-upgrade-uuid", name.equals(NAME) ? "6f0b8a7e-3c1d-4d3e-9a55-1c2f4b7d8e01"
                            : "6f0b8a7e-3c1d-4d3e-9a55-1c2f4b7d8e02");
            case MAC -> List.of("--mac-package-identifier", "org.layercanvas.app", "--mac-package-name", NAME);
        };
    }

    /** The runtime's modules: what jdeps finds in the jars, plus {@link #SERVICE_MODULES}. */
    List<String> modules(Path jdkHome) throws IOException {
        List<String> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(input)) {
            files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(f -> jars.add(f.toString()));
        }
        String found = run("jdeps", "--ignore-missing-deps", "--print-module-deps", "--multi-release",
                Integer.toString(Runtime.version().feature()), "--class-path",
                String.join(java.io.File.pathSeparator, jars), input.resolve(mainJar).toString()).trim();
        return mergeModules(found, SERVICE_MODULES);
    }

    static List<String> mergeModules(String jdepsLine, List<String> extra) {
        TreeSet<String> all = new TreeSet<>();
        for (String m : jdepsLine.split(",")) {
            if (!m.isBlank()) {
                all.add(m.trim());
            }
        }
        all.addAll(extra);
        return List.copyOf(all);
    }

    private Path writeIcon(Os os, Path work) throws IOException {
        Map<Integer, byte[]> pngs = new LinkedHashMap<>();
        for (int size : new int[] {16, 32, 48, 64, 128, 256, 512}) {
            pngs.put(size, iconPng(size));
        }
        return switch (os) {
            case WINDOWS -> {
                Map<Integer, byte[]> ico = new LinkedHashMap<>(pngs);
                ico.keySet().removeIf(s -> s > 256);
                yield Files.write(work.resolve(NAME + ".ico"), IconFiles.ico(ico));
            }
            case MAC -> {
                Map<Integer, byte[]> icns = new LinkedHashMap<>(pngs);
                icns.keySet().retainAll(IconFiles.ICNS_TYPES.keySet());
                yield Files.write(work.resolve(NAME + ".icns"), IconFiles.icns(icns));
            }
            case LINUX -> Files.write(work.resolve(NAME + ".png"), pngs.get(256));
        };
    }

    static byte[] iconPng(int size) {
        try (InputStream in = Packager.class.getResourceAsStream(String.format(Locale.ROOT, ICONS, size))) {
            if (in == null) {
                throw new IllegalStateException("the app jar has no icon of size " + size);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path writeFileAssociation(Path work, Path icon, Os os) throws IOException {
        String props = "extension=lcnet\n"
                + "mime-type=application/x-layercanvas-network\n"
                + "description=LayerCanvas network\n"
                + (os == Os.MAC ? "" : "icon=" + icon.toAbsolutePath().toString().replace("\\", "\\\\") + "\n");
        return Files.writeString(work.resolve("lcnet-association.properties"), props);
    }

    /** Runs a JDK tool in this JVM; returns what it printed, fails with it when the tool fails. */
    private String run(String tool, String... args) {
        ToolProvider provider = ToolProvider.findFirst(tool).orElseThrow(() -> new IllegalStateException(
                "this JDK has no " + tool + " (LayerCanvas's installers need a full JDK 17 or newer)"));
        out.println("> " + tool + " " + String.join(" ", args));
        StringWriter text = new StringWriter();
        StringWriter errors = new StringWriter();
        int code = provider.run(new PrintWriter(text, true), new PrintWriter(errors, true), args);
        if (code != 0) {
            throw new IllegalStateException(tool + " failed (exit " + code + "):\n" + text + errors);
        }
        if (!errors.toString().isBlank()) {
            out.print(errors);
        }
        return text.toString();
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static long megabytes(Path f) {
        try {
            return Math.round(Files.size(f) / 1e6);
        } catch (IOException e) {
            return -1;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The OS the installer is built for: jpackage only builds for the OS it runs on. */
    enum Os {
        LINUX, WINDOWS, MAC;

        static Os current() {
            String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (name.startsWith("windows")) {
                return WINDOWS;
            }
            if (name.startsWith("mac") || name.startsWith("darwin")) {
                return MAC;
            }
            return LINUX;
        }
    }
}

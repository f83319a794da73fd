package org.layercanvas.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime's message bundles and its sources agree: a key written in the sources of a class that formats texts
 * of a bundle is in that bundle, every key of a bundle is used, every pattern formats and shows all its arguments,
 * and the Simplified Chinese file has the same keys. (The app's BundleTranslationsTest checks the translations
 * in depth; this one runs with the runtime's own build.) Sources are read as text from the module folder.
 */
class RuntimeMessagesSyncTest {
    private static final Path SOURCES = Path.of("src/main/java/org/layercanvas/runtime");
    private static final Path RESOURCES = Path.of("src/main/resources/org/layercanvas/runtime");
    /**
     * The classes that format a bundle's texts, and the bundle (relative to {@link #RESOURCES}). Map.ofEntries:
     * Map.of stops at ten pairs, and each feature with a bundle adds one.
     */
    private static final Map<String, String> FORMATTERS = Map.ofEntries(
            Map.entry("Text.get(", "cli/messages"),
            Map.entry("CompileMessages.", "compile/messages"),
            Map.entry("DataMessages.", "data/messages"),
            Map.entry("Finding.", "data/messages"),
            Map.entry("DownloadMessages.", "data/download/messages"),
            Map.entry("DeviceMessages.", "device/messages"),
            Map.entry("ExportMessages.", "interop/exports/messages"),
            Map.entry("EngineMessages.", "engine/messages"),
            Map.entry("TrainMessages.", "train/messages"),
            Map.entry("WorkerMessages.", "worker/messages"),
            Map.entry("ImportMessages.", "interop/imports/messages"));
    /** A string literal shaped like a message key: {@code prefix.rest}. */
    private static final Pattern KEY = Pattern.compile("\"([a-z][a-zA-Z]*(?:\\.[a-zA-Z0-9_-]+)+)\"");
    /** Any literal that could be a key, dotted or not ({@code "labelled"}). */
    private static final Pattern WORD = Pattern.compile("\"([a-zA-Z][a-zA-Z0-9_.-]*)\"");
    /** A literal that starts a key built at run time: {@code "train.finished." + reason}. */
    private static final Pattern DYNAMIC = Pattern.compile("\"([a-z][a-zA-Z]*(?:\\.[a-zA-Z0-9_-]+)*\\.)\"\\s*\\+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private static Map<String, String> load(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    private static Map<String, String> bundle(String name) throws IOException {
        return load(RESOURCES.resolve(name + ".properties"));
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String prefix(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    @Test
    void keysWrittenInTheSourcesExist() throws IOException {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Path file : sources()) {
            String text = Files.readString(file);
            List<Map<String, String>> used = new ArrayList<>();
            for (Map.Entry<String, String> f : FORMATTERS.entrySet()) {
                if (text.contains(f.getKey())) {
                    used.add(bundle(f.getValue()));
                }
            }
            Matcher m = KEY.matcher(text);
            while (m.find()) {
                String key = m.group(1);
                List<Map<String, String>> candidates = used.stream()
                        .filter(b -> b.keySet().stream().anyMatch(k -> prefix(k).equals(prefix(key)))).toList();
                if (candidates.isEmpty()) {
                    continue; // not a message key (a system property, a file name, a key of another bundle)
                }
                checked++;
                if (candidates.stream().noneMatch(b -> b.containsKey(key))) {
                    missing.add(SOURCES.relativize(file) + ": " + key);
                }
            }
        }
        assertThat(checked).as("keys checked").isGreaterThan(200);
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyOfABundleIsUsed() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path file : sources()) {
            all.append(Files.readString(file));
        }
        String text = all.toString();
        Set<String> literals = new TreeSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            literals.add(m.group(1));
        }
        Set<String> dynamic = new TreeSet<>();
        Matcher d = DYNAMIC.matcher(text);
        while (d.find()) {
            dynamic.add(d.group(1));
        }
        List<String> unused = new ArrayList<>();
        for (String name : new TreeSet<>(FORMATTERS.values())) {
            for (String key : bundle(name).keySet()) {
                if (!literals.contains(key) && dynamic.stream().noneMatch(key::startsWith)) {
                    unused.add(name + ": " + key);
                }
            }
        }
        assertThat(unused).isEmpty();
    }

    @Test
    void everyPatternFormatsAndTheTranslationHasTheSameKeys() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(FORMATTERS.values())) {
            Map<String, String> english = bundle(name);
            Map<String, String> chinese = bundle(name + "_zh_CN");
            if (!english.keySet().equals(chinese.keySet())) {
                Set<String> diff = new TreeSet<>(english.keySet());
                diff.removeAll(chinese.keySet());
                Set<String> extra = new TreeSet<>(chinese.keySet());
                extra.removeAll(english.keySet());
                problems.add(name + ": not translated " + diff + ", only translated " + extra);
            }
            for (Map<String, String> b : List.of(english, chinese)) {
                b.forEach((key, pattern) -> check(name, key, pattern, problems));
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void check(String bundle, String key, String pattern, List<String> problems) {
        Object[] args = new Object[12];
        for (int k = 0; k < args.length; k++) {
            args[k] = "<A" + k + ">";
        }
        String text;
        try {
            text = new MessageFormat(pattern, Locale.ROOT).format(args);
        } catch (IllegalArgumentException e) {
            problems.add(bundle + ": " + key + ": " + e.getMessage());
            return;
        }
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            if (!text.contains("<A" + m.group(1) + ">")) {
                problems.add(bundle + ": " + key + ": argument {" + m.group(1) + "} is lost (a lone quote?)");
            }
        }
    }
}

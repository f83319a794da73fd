package org.layercanvas.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ChoiceFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every text bundle of every module ({@code X.properties} under a module's src/main/resources, English) has a
 * Simplified Chinese translation next to it ({@code X_zh_CN.properties}, UTF-8) with the same keys in the same
 * order, the same MessageFormat arguments and picocli variables, and text that is really translated. It lives in
 * the app module because the app's test class path holds every module's bundles.
 */
class BundleTranslationsTest {
    /** The modules with text bundles, relative to the app module (Maven runs tests in the module's folder). */
    private static final List<Path> RESOURCE_ROOTS = Stream.of("model", "runtime", "graph-editor", "charts", "app")
            .map(m -> Path.of("..", m, "src", "main", "resources")).toList();
    private static final String CHINESE = "_zh_CN";
    /** Property files that are not user-visible text (paths relative to their resources folder). */
    private static final Set<String> NOT_TEXT = Set.of("org/layercanvas/runtime/version.properties");
    private static final Pattern TRANSLATION = Pattern.compile(".*_[a-z]{2,3}(_[A-Z]{2})?\\.properties");
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\s*(\\d+)");
    private static final Pattern PICOCLI = Pattern.compile("\\$\\{[^}]*}|%n");

    static List<Path> baseBundles() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : RESOURCE_ROOTS) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile)
                        .filter(f -> f.getFileName().toString().endsWith(".properties"))
                        .filter(f -> !TRANSLATION.matcher(f.getFileName().toString()).matches())
                        .filter(f -> !NOT_TEXT.contains(relative(f)))
                        .sorted()
                        .forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void everyModuleHasBundles() throws IOException {
        List<Path> bundles = baseBundles();
        for (Path root : RESOURCE_ROOTS) {
            assertThat(bundles).as("bundles under %s", root).anyMatch(b -> b.startsWith(root));
        }
        for (String f : NOT_TEXT) {
            assertThat(RESOURCE_ROOTS).as("%s, listed as not text", f).anyMatch(r -> Files.exists(r.resolve(f)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("baseBundles")
    void chineseMatchesEnglish(Path english) throws IOException {
        String name = english.getFileName().toString();
        Path chinese = english.resolveSibling(name.replace(".properties", CHINESE + ".properties"));
        assertThat(chinese).as("the Simplified Chinese translation of %s", english).exists();
        Map<String, String> en = load(english);
        Map<String, String> zh = load(chinese);

        SoftAssertions soft = new SoftAssertions();
        TreeSet<String> missing = new TreeSet<>(en.keySet());
        missing.removeAll(zh.keySet());
        TreeSet<String> extra = new TreeSet<>(zh.keySet());
        extra.removeAll(en.keySet());
        soft.assertThat(missing).as("keys of %s missing in %s", english, chinese).isEmpty();
        soft.assertThat(extra).as("keys in %s that %s does not have", chinese, english).isEmpty();
        soft.assertThat(new ArrayList<>(zh.keySet())).as("key order of %s", chinese)
                .containsExactlyElementsOf(en.keySet());

        int translated = 0;
        for (Map.Entry<String, String> e : en.entrySet()) {
            String key = e.getKey();
            String source = e.getValue();
            String text = zh.get(key);
            soft.assertThat(text).as("%s: %s", chinese, key).isNotBlank();
            if (text == null) {
                continue;
            }
            soft.assertThat(matches(ARGUMENT, text))
                    .as("%s: %s uses the arguments of the English text", chinese, key)
                    .isEqualTo(matches(ARGUMENT, source));
            soft.assertThat(all(PICOCLI, text)).as("%s: %s keeps the picocli variables and %%n", chinese, key)
                    .isEqualTo(all(PICOCLI, source));
            soft.assertThat(loneQuotes(text)).as("%s: %s has a single quote where the English has none (write '')",
                    chinese, key).isLessThanOrEqualTo(loneQuotes(source));
            // picocli help texts (with ${DEFAULT-VALUE} and the like) are not MessageFormat patterns, even where
            // an apostrophe in the English happens to make one parse
            MessageFormat sourceFormat = source.contains("${") ? null : parse(source, Locale.ROOT);
            if (sourceFormat != null) {
                MessageFormat format = parse(text, Locale.SIMPLIFIED_CHINESE);
                soft.assertThat(format).as("%s: %s is a valid MessageFormat pattern", chinese, key).isNotNull();
                if (format != null) {
                    soft.assertThat(describe(format.getFormatsByArgumentIndex()))
                            .as("%s: %s has the MessageFormat arguments of the English text", chinese, key)
                            .isEqualTo(describe(sourceFormat.getFormatsByArgumentIndex()));
                }
            }
            if (!text.equals(source)) {
                translated++;
            }
        }
        soft.assertThat(translated * 2).as("%s: %d of %d texts differ from English", chinese, translated, en.size())
                .isGreaterThan(en.size());
        soft.assertAll();

        String baseName = relative(english).replace(".properties", "").replace('/', '.');
        ResourceBundle bundle = ResourceBundle.getBundle(baseName, Locale.SIMPLIFIED_CHINESE);
        assertThat(bundle.getLocale()).as("the bundle %s found for zh_CN", baseName)
                .isEqualTo(Locale.SIMPLIFIED_CHINESE);
        for (Map.Entry<String, String> e : zh.entrySet()) {
            assertThat(bundle.getString(e.getKey())).as("%s: %s from the class path", baseName, e.getKey())
                    .isEqualTo(e.getValue());
        }
    }

    private static String relative(Path file) {
        Path root = RESOURCE_ROOTS.stream().filter(file::startsWith).findFirst().orElseThrow();
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** The file's entries in file order; fails on bytes that are not UTF-8 and on repeated keys. */
    private static Map<String, String> load(Path file) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(file + " is not UTF-8", e);
        }
        Map<String, String> entries = new LinkedHashMap<>();
        List<String> repeated = new ArrayList<>();
        Properties properties = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (entries.put((String) key, (String) value) != null) {
                    repeated.add((String) key);
                }
                return super.put(key, value);
            }
        };
        properties.load(new StringReader(text));
        assertThat(repeated).as("keys written twice in %s", file).isEmpty();
        return entries;
    }

    private static MessageFormat parse(String pattern, Locale locale) {
        try {
            return new MessageFormat(pattern, locale);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Per argument index: none, or the kind of format ({@code {1,number,...}}, a choice with its limits). */
    private static List<String> describe(Format[] formats) {
        List<String> out = new ArrayList<>();
        for (Format f : formats) {
            out.add(f == null ? "plain" : f instanceof ChoiceFormat c ? "choice " + Arrays.toString(c.getLimits())
                    : f.getClass().getSimpleName());
        }
        return out;
    }

    private static Set<Integer> matches(Pattern p, String s) {
        Set<Integer> out = new TreeSet<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    private static List<String> all(Pattern p, String s) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Single quotes that are not part of a doubled {@code ''}. */
    private static int loneQuotes(String s) {
        return s.replace("''", "").length() - s.replace("''", "").replace("'", "").length();
    }
}

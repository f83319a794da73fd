package org.layercanvas.model.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the message keys the validator uses and the keys of {@code messages.properties} in sync, and checks that
 * every pattern formats. The source is scanned as text, from the module directory (Maven's working directory).
 */
class MessagesSyncTest {
    private static final Path MAIN = Path.of("src/main/java/org/layercanvas/model");
    private static final Pattern LITERAL_KEY = Pattern.compile("\"([a-z]+\\.[a-zA-Z]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    static Properties messages() throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesSyncTest.class.getResourceAsStream("/org/layercanvas/model/messages.properties");
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /** Message codes the validator can emit, read from the source text of the shape package and ParamDef. */
    static Set<String> usedKeys() throws IOException {
        StringBuilder sources = new StringBuilder();
        try (Stream<Path> files = Files.list(MAIN.resolve("shape"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sources.append(Files.readString(f));
            }
        }
        String shape = sources.toString();
        // documentError([out, ]where, code, ...): the path argument such as "dataset.split" is not a key
        shape = shape.replaceAll("documentError\\(\\s*(out,\\s*)?\"[^\"]*\"\\s*,", "documentError(");
        Set<String> used = new TreeSet<>();
        Matcher m = LITERAL_KEY.matcher(shape);
        while (m.find()) {
            used.add(m.group(1));
        }
        // spatial(...) builds "shape." + what + ".empty" / ".emptyDilated" with what = the last literal argument
        if (shape.contains("\"shape.\" + what + \".empty\"")
                && shape.contains("\"shape.\" + what + \".emptyDilated\"")) {
            Matcher what = Pattern.compile("spatial\\([^;]*\"(\\w+)\"\\)").matcher(shape);
            while (what.find()) {
                used.add("shape." + what.group(1) + ".empty");
                used.add("shape." + what.group(1) + ".emptyDilated");
            }
        }
        // ParamDef.check returns the parameter problem keys, which ShapeInference reports
        String paramDef = Files.readString(MAIN.resolve("layers/ParamDef.java"));
        Matcher p = Pattern.compile("Optional\\.of\\(\"([a-z]+\\.[a-zA-Z]+)\"\\)").matcher(paramDef);
        while (p.find()) {
            used.add(p.group(1));
        }
        return used;
    }

    @Test
    void theScanFindsTheKeysItShould() throws IOException {
        Set<String> used = usedKeys();
        assertThat(used).contains("graph.cycle", "shape.needVector", "shape.conv.empty", "shape.conv.emptyDilated",
                "shape.pool.empty", "param.outOfRange", "param.notInt", "training.learningRate", "dataset.none");
        assertThat(used).hasSizeGreaterThan(40);
    }

    @Test
    void everyKeyUsedInTheSourceExists() throws IOException {
        Properties p = messages();
        assertThat(usedKeys()).allSatisfy(k -> assertThat(p).as("messages.properties").containsKey(k));
    }

    @Test
    void everyKeyInThePropertiesIsUsed() throws IOException {
        Set<String> used = usedKeys();
        assertThat(messages().stringPropertyNames()).allSatisfy(
                k -> assertThat(used).as("key %s of messages.properties is used by the validator", k).contains(k));
    }

    @Test
    void everyPatternFormatsAndShowsEveryArgument() throws IOException {
        Properties p = messages();
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            String pattern = p.getProperty(key);
            Object[] args = new Object[10];
            for (int k = 0; k < args.length; k++) {
                args[k] = "<A" + k + ">";
            }
            String text;
            try {
                text = new MessageFormat(pattern, Locale.ROOT).format(args);
            } catch (IllegalArgumentException e) {
                problems.add(key + ": " + e.getMessage());
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(pattern);
            while (m.find()) {
                // a lone single quote would turn the rest of the pattern, placeholders included, into literal text
                if (!text.contains("<A" + m.group(1) + ">")) {
                    problems.add(key + ": argument {" + m.group(1) + "} does not appear in: " + text);
                }
            }
            if (text.matches(".*\\{\\d+}.*")) {
                problems.add(key + ": placeholder left unformatted in: " + text);
            }
            if (pattern.replace("''", "").contains("'")) {
                problems.add(key + ": single quote not doubled: " + pattern);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void diagnosticMessageUsesTheBundle() {
        Diagnostic d = new Diagnostic(Severity.ERROR, "d1", null, "d1.units", "param.outOfRange",
                List.of("Dense", "d1", "units", "0", "[1, 65536]"), null);
        assertThat(d.message(Locale.ROOT)).isEqualTo("Dense 'd1': units = 0 is out of range [1, 65536].");
        assertThat(d.toString()).isEqualTo("ERROR d1.units: Dense 'd1': units = 0 is out of range [1, 65536].");
        assertThatCode(d::message).doesNotThrowAnyException();
    }
}

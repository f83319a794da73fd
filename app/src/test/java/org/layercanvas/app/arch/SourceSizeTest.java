package org.layercanvas.app.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rules on size, checked on every module's main sources: no file over 500 lines, no method or
 * constructor over 80 (from its declaration to its closing brace, lambdas and anonymous classes inside it
 * included). A class that outgrows them is doing two jobs.
 *
 * <p>{@link #NOT_YET} may list a file or method that is still over, at its size when listed (empty today: every
 * module keeps the limits). A listed file that grows fails, and one that is back within the limits fails until it
 * is taken off the list.
 */
class SourceSizeTest {
    static final int MAX_FILE_LINES = 500;
    static final int MAX_METHOD_LINES = 80;
    private static final Pattern CONTROL = Pattern.compile(
            "^(if|else|for|while|do|switch|try|catch|finally|synchronized|case|default|return|yield)\\b.*", Pattern.DOTALL);
    private static final Pattern TYPE = Pattern.compile("(?<![.\\w])(class|interface|enum|record)\\s+[A-Z]");
    private static final Pattern ANONYMOUS = Pattern.compile("\\bnew\\s+[\\w.<>?, \\[\\]]+\\s*\\(.*\\)\\s*$", Pattern.DOTALL);

    private enum Block { TYPE, METHOD, OTHER }

    /** Files and methods still over the limits, with their size when they were listed. */
    private static final java.util.Map<String, Integer> NOT_YET = java.util.Map.of();

    /** Whether a size over the limit is one the list allows (the file or method listed, and not grown). */
    private static boolean allowed(String key, int lines, List<String> seen) {
        Integer listed = NOT_YET.get(key);
        if (listed != null) {
            seen.add(key);
        }
        return listed != null && lines <= listed;
    }

    /** The folder that holds all modules (the tests run in app/). */
    private static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("i18n")) ? here : here.getParent();
    }

    private static List<Path> mainSources() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root())) {
            for (Path m : modules.filter(p -> Files.isDirectory(p.resolve("src/main/java"))).toList()) {
                try (Stream<Path> s = Files.walk(m.resolve("src/main/java"))) {
                    s.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
                }
            }
        }
        return files;
    }

    @Test
    void noSourceFileIsOver500Lines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        List<Path> files = mainSources();
        assertThat(files).as("main sources of all modules").hasSizeGreaterThan(100);
        for (Path f : files) {
            int lines = Files.readAllLines(f).size();
            String key = root().relativize(f).toString().replace('\\', '/');
            if (lines > MAX_FILE_LINES && !allowed(key, lines, seen)) {
                tooLong.add(key + ": " + lines + " lines");
            }
        }
        assertThat(tooLong).as("files over " + MAX_FILE_LINES + " lines").isEmpty();
        assertThat(NOT_YET.keySet().stream().filter(k -> !k.contains("#")))
                .as("listed files that are within the limit now: take them off NOT_YET").isSubsetOf(seen);
    }

    @Test
    void noMethodIsOver80Lines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Path f : mainSources()) {
            String source = Files.readString(f);
            String file = root().relativize(f).toString().replace('\\', '/');
            for (int[] m : methods(source)) {
                int lines = m[1] - m[0] + 1;
                if (lines > MAX_METHOD_LINES && !allowed(file + "#" + name(source, m[0]), lines, seen)) {
                    tooLong.add(file + ":" + m[0] + ": " + lines + " lines");
                }
            }
        }
        assertThat(tooLong).as("methods over " + MAX_METHOD_LINES + " lines").isEmpty();
        assertThat(NOT_YET.keySet().stream().filter(k -> k.contains("#")))
                .as("listed methods that are within the limit now: take them off NOT_YET").isSubsetOf(seen);
    }

    @Test
    void theMethodFinderSeesMethodsConstructorsAndNestedTypes() {
        String source = """
                class A {
                    int[] table = {1, 2};
                    A() {
                        Runnable r = () -> {
                            String s = "{";
                        };
                    }
                    // a comment with { braces
                    void m(int x) throws Exception {
                        Object o = x == 1 ? null : new Object() {
                            @Override
                            public String toString() {
                                if (String.class != null) { return "}"; }
                            }
                        };
                    }
                    record R(int a) {
                        R {
                        }
                    }
                }
                """;
        List<int[]> found = methods(source);
        assertThat(found).extracting(m -> m[0] + "-" + m[1]).containsExactly("3-7", "9-16", "11-14", "18-19");
    }

    /** The name of the method declared on {@code line} (the word before its first parenthesis). */
    private static String name(String source, int line) {
        String text = source.lines().skip(line - 1).findFirst().orElse("");
        java.util.regex.Matcher m = Pattern.compile("(\\w+)\\s*\\(").matcher(text);
        return m.find() ? m.group(1) : "?";
    }

    /** Start and end line of each method or constructor that sits directly in a type. */
    static List<int[]> methods(String source) {
        String code = blankCommentsAndStrings(source);
        List<int[]> found = new ArrayList<>();
        Deque<Block> blocks = new ArrayDeque<>();
        Deque<Integer> starts = new ArrayDeque<>();
        int line = 1;
        int headerStart = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == ';' || c == '}' || c == '{') {
                if (c == '{') {
                    String header = code.substring(headerStart, i);
                    Block kind = kindOf(header, blocks.peek());
                    blocks.push(kind);
                    starts.push(kind == Block.METHOD ? line - countNewlines(header.stripLeading()) : line);
                } else if (c == '}' && !blocks.isEmpty()) {
                    Block kind = blocks.pop();
                    int start = starts.pop();
                    if (kind == Block.METHOD) {
                        found.add(new int[] {start, line});
                    }
                }
                headerStart = i + 1;
            }
        }
        found.sort((a, b) -> Integer.compare(a[0], b[0]));
        return found;
    }

    private static Block kindOf(String header, Block enclosing) {
        String h = header.strip();
        boolean inType = enclosing == null || enclosing == Block.TYPE;
        if (CONTROL.matcher(h).matches() || h.contains("->")) {
            return Block.OTHER;
        }
        if (TYPE.matcher(h).find() || ANONYMOUS.matcher(h).find()) {
            return Block.TYPE;
        }
        if (inType && !h.contains("=") && (h.endsWith(")") || h.contains(") throws ") || h.matches("(?s).*\\b[A-Z]\\w*$")
                || h.equals("static") || h.isEmpty())) {
            return Block.METHOD;
        }
        return Block.OTHER;
    }

    private static int countNewlines(String s) {
        return (int) s.chars().filter(ch -> ch == '\n').count();
    }

    /** Comments, string and char literals become spaces (newlines kept), so braces in them are not counted. */
    private static String blankCommentsAndStrings(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                blank(s, i, end, out);
                i = end;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? s.length() : end + 3;
                blank(s, i, end, out);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                blank(s, i, Math.min(j + 1, s.length()), out);
                i = Math.min(j + 1, s.length());
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(String s, int from, int to, StringBuilder out) {
        for (int k = from; k < to; k++) {
            out.append(s.charAt(k) == '\n' ? '\n' : ' ');
        }
    }
}

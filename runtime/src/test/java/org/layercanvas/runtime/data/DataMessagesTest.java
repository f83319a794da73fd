package org.layercanvas.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key the data package uses is in its bundle. */
class DataMessagesTest {
    @Test
    void everyKeyUsedExists() throws Exception {
        Path sources = Path.of("src/main/java/org/layercanvas/runtime/data");
        Pattern use = Pattern.compile("(?:format|error|warning|Finding\\.of)\\((?:[A-Za-z.]+, )?\"([a-z]+\\.[A-Za-z.]+)\"");
        TreeSet<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(sources)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Matcher m = use.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).startsWith("download.")) { // the download package's bundle, tested there
                        keys.add(m.group(1));
                    }
                }
            }
        }
        assertThat(keys).hasSizeGreaterThan(40);
        ResourceBundle bundle = ResourceBundle.getBundle(DataMessages.BUNDLE, Locale.ROOT);
        assertThat(bundle.keySet()).containsAll(keys);
        assertThat(DataMessages.format("idx.truncated", "x.idx", 100000, 5)).contains("100000");
    }
}

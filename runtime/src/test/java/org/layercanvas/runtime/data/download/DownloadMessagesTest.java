package org.layercanvas.runtime.data.download;

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

/** Every message key the download package uses is in its bundle. */
class DownloadMessagesTest {
    @Test
    void everyKeyUsedExists() throws Exception {
        Path sources = Path.of("src/main/java/org/layercanvas/runtime/data/download");
        Pattern use = Pattern.compile("(?:format|error)\\(\"(download\\.[A-Za-z.]+)\"");
        TreeSet<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(sources)) {
            for (Path f : files.toList()) {
                Matcher m = use.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        assertThat(keys).hasSizeGreaterThan(10);
        ResourceBundle bundle = ResourceBundle.getBundle(DownloadMessages.BUNDLE, Locale.ROOT);
        assertThat(bundle.keySet()).containsAll(keys);
    }
}

package org.layercanvas.model.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The model module is plain Java: no JavaFX and no ND4J/DL4J, not even by a fully qualified name. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern FORBIDDEN =
            Pattern.compile("\\b(javafx|org\\.nd4j|org\\.deeplearning4j|org\\.bytedeco)\\.");

    @Test
    void modelSourcesDoNotUseJavaFxOrNd4j() throws IOException {
        assertThat(MAIN).isDirectory();
        List<String> offenders = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(MAIN)) {
            for (Path file : paths.filter(f -> f.toString().endsWith(".java")).toList()) {
                files++;
                List<String> lines = Files.readAllLines(file);
                for (int k = 0; k < lines.size(); k++) {
                    String line = lines.get(k).strip();
                    if (line.startsWith("//") || line.startsWith("*") || line.startsWith("/*")) {
                        continue;
                    }
                    Matcher m = FORBIDDEN.matcher(line);
                    if (m.find()) {
                        offenders.add(MAIN.relativize(file) + ":" + (k + 1) + ": " + line);
                    }
                }
            }
        }
        assertThat(files).as("java files scanned").isGreaterThan(20);
        assertThat(offenders).isEmpty();
    }

    @Test
    void theScanWouldCatchAnImport() {
        assertThat(FORBIDDEN.matcher("import javafx.scene.Node;").find()).isTrue();
        assertThat(FORBIDDEN.matcher("import org.nd4j.linalg.api.ndarray.INDArray;").find()).isTrue();
        assertThat(FORBIDDEN.matcher("var net = new org.deeplearning4j.nn.graph.ComputationGraph(c);").find())
                .isTrue();
        assertThat(FORBIDDEN.matcher("import java.util.List;").find()).isFalse();
    }
}

package org.layercanvas.runtime.train;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/** Saves trained models in DL4J's zip format, atomically: a failed save never leaves a half-written file. */
public final class ModelFiles {
    private ModelFiles() {
    }

    public static void save(ComputationGraph graph, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            ModelSerializer.writeModel(graph, temp.toFile(), true);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static ComputationGraph load(Path file) throws IOException {
        return ModelSerializer.restoreComputationGraph(file.toFile(), true);
    }
}

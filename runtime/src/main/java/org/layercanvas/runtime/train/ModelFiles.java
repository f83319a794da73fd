package org.layercanvas.runtime.train;

import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.layercanvas.runtime.platform.FileReplace;

/** Saves trained models in DL4J's zip format, atomically: a failed save never leaves a half-written file. */
public final class ModelFiles {
    private ModelFiles() {
    }

    public static void save(ComputationGraph graph, Path target) throws IOException {
        FileReplace.<IOException>replace(target, file -> ModelSerializer.writeModel(graph, file.toFile(), true));
    }

    public static ComputationGraph load(Path file) throws IOException {
        return ModelSerializer.restoreComputationGraph(file.toFile(), true);
    }
}

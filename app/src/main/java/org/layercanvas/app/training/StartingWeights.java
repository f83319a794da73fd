package org.layercanvas.app.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.runtime.interop.imports.ImportedWeights;

/**
 * Trained weights a window's runs start from: those of an imported Keras {@code .h5} or DL4J zip, or those kept
 * next to the opened document ({@code NET.weights.h5} / {@code .zip}, docs/file-format.md). A run uses them only
 * while they fit the network as it is now: every layer with parameters must have exactly as many in the file.
 * Thread-safe.
 */
public final class StartingWeights {
    /** Whether the weights fit: {@code file} to start from (null: fresh weights), and the layers that do not fit. */
    public record Fit(Path file, List<String> misfits) {
        public Fit {
            misfits = List.copyOf(misfits);
        }

        static final Fit NONE = new Fit(null, List.of());
    }

    private volatile ImportedWeights weights;

    /** Runs start from these weights from now on (null: fresh weights). */
    public void use(ImportedWeights w) {
        weights = w;
    }

    /** The weights runs start from, or null. */
    public ImportedWeights get() {
        return weights;
    }

    /**
     * Uses the weights kept next to {@code document} when there are any (a file saved after an import, or written
     * by {@code layercanvas import}); how many each layer holds is then checked by the worker when a run starts.
     */
    public void findNextTo(Path document) {
        if (document == null) {
            return;
        }
        for (ImportedWeights.Format f : ImportedWeights.Format.values()) {
            Path kept = ImportedWeights.keptFileFor(document.toAbsolutePath(), f);
            if (Files.isRegularFile(kept)) {
                weights = new ImportedWeights(f, kept, Map.of());
                return;
            }
        }
    }

    /**
     * Keeps the weights next to {@code document} (just saved) and starts from that copy from now on, so that the
     * network and its weights travel together. Does nothing without weights or when they are already there.
     */
    public void keepNextTo(Path document) throws IOException {
        ImportedWeights w = weights;
        if (w == null || document == null) {
            return;
        }
        Path target = ImportedWeights.keptFileFor(document.toAbsolutePath(), w.format());
        if (!target.equals(w.source().toAbsolutePath())) {
            weights = new ImportedWeights(w.format(), w.keepNextTo(document), w.countsPerNode());
        }
    }

    /** Whether the weights fit {@code doc}; when the file's counts are unknown the worker checks them. */
    public Fit fit(NetworkDocument doc, Analysis analysis) {
        ImportedWeights w = weights;
        if (w == null) {
            return Fit.NONE;
        }
        if (w.countsPerNode().isEmpty()) {
            return new Fit(w.source(), List.of());
        }
        List<String> misfits = new ArrayList<>();
        for (Node n : doc.nodes()) {
            long params = analysis.paramCount(n.id());
            long held = w.countsPerNode().getOrDefault(n.id(), 0L);
            if (params != held) {
                misfits.add(n.id());
            }
        }
        return misfits.isEmpty() ? new Fit(w.source(), List.of()) : new Fit(null, misfits);
    }
}

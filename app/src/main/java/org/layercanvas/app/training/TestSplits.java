package org.layercanvas.app.training;

import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.shape.ShapeInference;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.data.BatchSource;
import org.layercanvas.runtime.data.DataContext;
import org.layercanvas.runtime.data.DatasetException;
import org.layercanvas.runtime.data.DatasetLoader;
import org.layercanvas.runtime.data.download.CancelledException;

/** The test split a run was evaluated on, loaded again for the evaluation's examples (no ND4J involved). */
final class TestSplits {
    private TestSplits() {
    }

    /** The same seeded split the worker used; null when it cannot be loaded. Call off the FX thread. */
    static BatchSource load(NetworkDocument doc, DataContext context) {
        try {
            TensorShape input = new ShapeInference(LayerCatalog.standard()).analyze(doc).inputShape(doc)
                    .orElse(null);
            return DatasetLoader.prepare(doc.dataset(), input, context).test();
        } catch (DatasetException | CancelledException | RuntimeException e) {
            return null;
        }
    }
}

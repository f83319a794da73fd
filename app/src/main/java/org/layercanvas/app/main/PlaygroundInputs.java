package org.layercanvas.app.main;

import org.layercanvas.app.document.DocumentSession;
import org.layercanvas.app.training.TrainingViewModel;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.data.DatasetCatalog;
import org.layercanvas.model.shape.TensorShape;

/**
 * What the playground needs to know of the network its worker holds: the one the last run trained (or a past run
 * reloaded from the Runs tab), which may differ from the document on the canvas; the canvas's before any run.
 */
final class PlaygroundInputs {
    private PlaygroundInputs() {
    }

    private static NetworkDocument trained(TrainingViewModel training, DocumentSession session) {
        NetworkDocument doc = training.trainedDocumentProperty().get();
        return doc != null ? doc : session.document();
    }

    static TensorShape shape(TrainingViewModel training, DocumentSession session) {
        NetworkDocument doc = trained(training, session);
        return session.inference().analyze(doc).inputShape(doc).orElse(null);
    }

    /** Whether the network reads words a student can type (a text dataset). */
    static boolean words(TrainingViewModel training, DocumentSession session) {
        NetworkDocument doc = trained(training, session);
        return doc.dataset() != null && DatasetCatalog.TEXT_SETS.contains(doc.dataset().id());
    }
}

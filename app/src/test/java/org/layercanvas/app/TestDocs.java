package org.layercanvas.app;

import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.samples.Samples;

/** Documents for app tests. */
public final class TestDocs {
    private TestDocs() {
    }

    public static NetworkDocument sample(String name) {
        try {
            return DocumentJson.read(Samples.text(name).orElseThrow(), name);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

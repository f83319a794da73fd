package org.layercanvas.runtime.engine.plan;

import java.util.List;

/** Native resources a plan part made (prepared ops, oneDNN objects), closed together in the order made. */
final class Resources {
    private Resources() {
    }

    static void closeAll(List<? extends AutoCloseable> resources) {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not free a native resource of the training plan", e);
            }
        }
    }
}

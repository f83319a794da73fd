package org.layercanvas.runtime.train;

/** Receives a session's events on the training thread; must return quickly. */
@FunctionalInterface
public interface TrainingListener {
    void onEvent(TrainingEvent event);
}

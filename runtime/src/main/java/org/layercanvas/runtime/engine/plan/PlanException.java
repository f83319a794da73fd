package org.layercanvas.runtime.engine.plan;

/** A training plan failed while it ran (a native kernel reported an error, or the input was unusable). */
public final class PlanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PlanException(String message) {
        super(message);
    }
}

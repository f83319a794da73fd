package org.layercanvas.grapheditor;

/**
 * Decides whether a wire may be drawn from an output port to an input port. Asked while the user drags a wire
 * (to highlight ports) and on drop; the application plugs in its own rules (LayerCanvas: shape inference).
 */
@FunctionalInterface
public interface ConnectionPolicy {
    Verdict check(PortKey from, PortKey to);

    /** Allowed, or refused with a reason shown to the user. */
    record Verdict(boolean allowed, String reason) {
        public static final Verdict OK = new Verdict(true, "");

        public static Verdict refuse(String reason) {
            return new Verdict(false, reason);
        }
    }

    ConnectionPolicy ALLOW_ALL = (from, to) -> Verdict.OK;
}

package org.layercanvas.runtime.engine.plan;

import java.util.List;
import org.layercanvas.runtime.engine.EngineMessages;

/**
 * Something in a network the training plan does not cover, as a text key of the engine bundle and its arguments
 * (the first is the node id where a node is to blame).
 */
public record PlanGap(String key, List<String> args) {
    static PlanGap of(String key, String... args) {
        return new PlanGap(key, List.of(args));
    }

    /** The gap in the user's language. */
    public String message() {
        return EngineMessages.format("gap." + key, args.toArray());
    }
}

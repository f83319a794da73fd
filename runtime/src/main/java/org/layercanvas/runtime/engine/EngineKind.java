package org.layercanvas.runtime.engine;

import java.util.Locale;

/** The engines that can train a network; {@link #id()} is the name used in events, options and files. */
public enum EngineKind {
    /** The compiled training plan: libnd4j kernels called directly on preallocated buffers. */
    PLAN,
    /** DL4J's {@code ComputationGraph.fit}: the reference, for every layer. */
    DL4J;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

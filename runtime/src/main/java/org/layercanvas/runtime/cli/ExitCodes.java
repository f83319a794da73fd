package org.layercanvas.runtime.cli;

/** Exit codes of the command line; scripts rely on them (see docs/ARCHITECTURE.md). */
public final class ExitCodes {
    public static final int OK = 0;
    /** The input could not be read: missing file, malformed JSON, unknown sample, bad option value. */
    public static final int UNREADABLE = 1;
    /** The network or its settings are invalid. */
    public static final int INVALID = 2;
    /** Training started but failed (diverged, dataset, device, out of memory). */
    public static final int TRAINING_FAILED = 3;

    private ExitCodes() {
    }
}

package org.layercanvas.runtime.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a run ended normally ({@link TrainingEvent.Finished}). In events and the worker protocol it is written as its
 * {@link #wireName()}: {@code completed}, {@code early-stopped}, {@code stopped}.
 */
public enum EndReason {
    /** Every epoch ran. */
    COMPLETED("completed"),
    /** The validation loss (else the training loss) stopped improving for the patience's number of epochs. */
    EARLY_STOPPED("early-stopped"),
    /** Stopped on request (by the user). */
    STOPPED("stopped");

    private final String wireName;

    EndReason(String wireName) {
        this.wireName = wireName;
    }

    /** The name in JSON, in message keys ({@code train.finished.early-stopped}) and in run records. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /**
     * The reason written as {@code name}.
     *
     * @throws IllegalArgumentException for a name that is not one of the wire names
     */
    @JsonCreator
    public static EndReason fromWire(String name) {
        for (EndReason r : values()) {
            if (r.wireName.equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown end reason '" + name + "'");
    }
}

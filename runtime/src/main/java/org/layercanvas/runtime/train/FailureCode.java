package org.layercanvas.runtime.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What kind of problem ended a run ({@link TrainingEvent.Failed}); stable, for programs. In events and the worker
 * protocol it is written as its {@link #wireName()}.
 */
public enum FailureCode {
    /** The loss became NaN or infinite. */
    DIVERGED("diverged"),
    /** No dataset, a dataset that cannot be loaded, an empty training split, data that does not fit the Input. */
    DATASET("dataset"),
    /** The document has errors, or DL4J refused the network. */
    COMPILE("compile"),
    /** The device asked for cannot be used. */
    DEVICE("device"),
    /** The network does not fit in memory, or memory ran out while loading or training. */
    OUT_OF_MEMORY("out-of-memory"),
    /** A download of the dataset was cancelled. */
    CANCELLED("cancelled"),
    /** Anything else: a failure inside the training code. */
    INTERNAL("internal");

    private final String wireName;

    FailureCode(String wireName) {
        this.wireName = wireName;
    }

    /** The name in JSON and in message keys ({@code training.failed.out-of-memory}). */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /**
     * The code written as {@code name}.
     *
     * @throws IllegalArgumentException for a name that is not one of the wire names
     */
    @JsonCreator
    public static FailureCode fromWire(String name) {
        for (FailureCode c : values()) {
            if (c.wireName.equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown failure code '" + name + "'");
    }
}

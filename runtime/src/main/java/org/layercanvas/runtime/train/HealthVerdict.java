package org.layercanvas.runtime.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What step mode says about one layer ({@link TrainingEvent.LayerHealth}), worst first. Written in events as its
 * {@link #wireName()}. The thresholds are in {@link NetworkHealth}.
 */
public enum HealthVerdict {
    /** An activation or a gradient is NaN or infinite. */
    NOT_FINITE("not-finite"),
    /** The gradient's norm is above {@link NetworkHealth#EXPLODING_NORM}. */
    EXPLODING("exploding"),
    /** At least {@link NetworkHealth#DEAD_SHARE} of the units output 0 for every example. */
    DEAD("dead"),
    /** At least {@link NetworkHealth#SATURATED_SHARE} of a sigmoid's or tanh's outputs are at its limits. */
    SATURATED("saturated"),
    /** The gradient is {@link NetworkHealth#VANISHING_RATIO} of the largest layer gradient or less. */
    VANISHING("vanishing"),
    /** None of the above. */
    OK("ok");

    private final String wireName;

    HealthVerdict(String wireName) {
        this.wireName = wireName;
    }

    /** The name in JSON and in message keys ({@code health.dead}). */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /**
     * The verdict written as {@code name}.
     *
     * @throws IllegalArgumentException for a name that is not one of the wire names
     */
    @JsonCreator
    public static HealthVerdict fromWire(String name) {
        for (HealthVerdict v : values()) {
            if (v.wireName.equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown health verdict '" + name + "'");
    }
}

package org.layercanvas.grapheditor;

import java.util.Objects;

/**
 * A short status line shown at the foot of a node, coloured by its level (e.g. what a layer did on the last
 * training step). The level maps to the CSS pseudo-class of the same name in lower case on the line.
 *
 * @param text  one short line
 * @param level how it reads: good, warning or bad
 */
public record NodeStatus(String text, Level level) {
    /** How a status reads. */
    public enum Level { GOOD, WARNING, BAD }

    public NodeStatus {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(level, "level");
    }
}

package org.layercanvas.grapheditor;

import java.util.Map;
import java.util.Set;
import javafx.geometry.Point2D;

/**
 * What the user asked the editor to do. The editor never changes its graph itself: it reports intents, the
 * application turns them into document commands and hands back a new {@link GraphSnapshot}. Every method has
 * a no-op default.
 */
public interface EditorIntents {
    /** Nodes were dragged (or moved by keyboard) to new top-left positions, in canvas coordinates; once per gesture. */
    default void moveNodes(Map<String, Point2D> positions) {
    }

    /** A wire was drawn and the {@link ConnectionPolicy} allowed it. */
    default void connect(PortKey from, PortKey to) {
    }

    /**
     * A connected wire was dragged off its input port and dropped on another input port that the
     * {@link ConnectionPolicy} allowed: one edit that removes {@code wireId} and connects {@code from} to {@code to}.
     * (Dropped on empty canvas, the wire is deleted through {@link #delete}.)
     */
    default void reconnect(String wireId, PortKey from, PortKey to) {
    }

    /** Delete was pressed with these nodes and wires selected. */
    default void delete(Set<String> nodeIds, Set<String> wireIds) {
    }

    /**
     * A create choice was picked at a canvas position; {@code from} is the output port a dangling wire started at,
     * or null. The application creates the node there and, with {@code from}, wires it.
     */
    default void create(CreateChoice choice, Point2D at, PortKey from) {
    }

    /** Enter or double-click on a node. */
    default void inspect(String nodeId) {
    }
}

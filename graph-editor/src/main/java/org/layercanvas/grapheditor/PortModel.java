package org.layercanvas.grapheditor;

/**
 * A port shown on a node.
 *
 * @param name     the port's id within its node
 * @param label    short text shown next to the port, or empty
 * @param multiple whether several wires may end here (inputs only)
 */
public record PortModel(String name, String label, boolean multiple) {
}

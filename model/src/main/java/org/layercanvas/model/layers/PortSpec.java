package org.layercanvas.model.layers;

/** An input port of a layer; {@code multiple} ports (Add, Concatenate) take any number of wires. */
public record PortSpec(String name, boolean multiple) {
    public static final PortSpec SINGLE_IN = new PortSpec("in", false);
    public static final PortSpec MULTI_IN = new PortSpec("in", true);
    /** Every layer but Output has one output port of this name. */
    public static final String OUT = "out";
}

package org.layercanvas.model;

/** Where a node sits on the canvas, in canvas units (not screen pixels). */
public record Position(double x, double y) {
    public static final Position ORIGIN = new Position(0, 0);
}

package org.layercanvas.model.layers;

/** The value type of a layer parameter. */
public enum ParamType { INT, DOUBLE, BOOLEAN, CHOICE }

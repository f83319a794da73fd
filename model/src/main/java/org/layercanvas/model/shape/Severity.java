package org.layercanvas.model.shape;

/** ERROR blocks training; WARNING is worth a look but the network still runs. */
public enum Severity { ERROR, WARNING }

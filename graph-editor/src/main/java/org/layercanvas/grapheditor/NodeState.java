package org.layercanvas.grapheditor;

/** Visual state of a node; each maps to a CSS pseudo-class of the same name in lower case. */
public enum NodeState { NORMAL, WARNING, ERROR, RUNNING }

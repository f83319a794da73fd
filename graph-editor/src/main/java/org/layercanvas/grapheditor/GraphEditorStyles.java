package org.layercanvas.grapheditor;

import javafx.css.PseudoClass;

/** CSS style classes and pseudo-classes the editor uses, for stylesheets and lookups. */
public final class GraphEditorStyles {
    /** The editor region itself. */
    public static final String EDITOR = "graph-editor";
    /** A node skin; also carries {@code category-<category>}. */
    public static final String NODE = "graph-node";
    public static final String NODE_HEADER = "node-header";
    public static final String NODE_TITLE = "node-title";
    public static final String NODE_SUBTITLE = "node-subtitle";
    public static final String NODE_BADGE = "node-badge";
    public static final String NODE_STATUS = "node-status";
    public static final String NODE_ICON = "node-icon";
    /** A port circle; also {@link #INPUT} or {@link #OUTPUT}. */
    public static final String PORT = "graph-port";
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    /** A wire's curve. */
    public static final String WIRE = "graph-wire";
    /** The curve that follows the mouse while a wire is drawn. */
    public static final String DANGLING = "dangling";
    public static final String WIRE_LABEL = "wire-label";
    public static final String RUBBER_BAND = "rubber-band";
    /** The red note near the cursor saying why a wire may not go there. */
    public static final String REFUSAL = "refusal-label";
    public static final String CREATE_MENU = "create-menu";
    public static final String MINIMAP = "graph-minimap";
    /** Prefix of the category style class of a node. */
    public static final String CATEGORY_PREFIX = "category-";

    public static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    public static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    public static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    public static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");
    /** On input ports during a wire drag: the policy allows a wire from the dragged output. */
    public static final PseudoClass COMPATIBLE = PseudoClass.getPseudoClass("compatible");
    /** On input ports during a wire drag: the policy refuses a wire from the dragged output. */
    public static final PseudoClass INCOMPATIBLE = PseudoClass.getPseudoClass("incompatible");
    /** On the input port the dragged wire would connect to if released now. */
    public static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");
    /** On the editor when zoomed out far enough that small text is hidden. */
    public static final PseudoClass ZOOMED_OUT = PseudoClass.getPseudoClass("zoomed-out");

    private GraphEditorStyles() {
    }

    static void applyState(javafx.scene.Node node, NodeState state) {
        node.pseudoClassStateChanged(ERROR, state == NodeState.ERROR);
        node.pseudoClassStateChanged(WARNING, state == NodeState.WARNING);
        node.pseudoClassStateChanged(RUNNING, state == NodeState.RUNNING);
    }
}

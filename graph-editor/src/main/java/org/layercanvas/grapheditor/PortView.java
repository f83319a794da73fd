package org.layercanvas.grapheditor;

import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/** A port circle on a node's top (input) or bottom (output) edge. */
final class PortView extends Region {
    /** Diameter in canvas units; fixed so wire geometry never waits for CSS. */
    static final double SIZE = 12;

    private final PortKey key;
    private final boolean input;
    private final String label;
    private boolean tooltipInstalled;

    PortView(PortKey key, PortModel model, boolean input) {
        this.key = key;
        this.input = input;
        this.label = model.label() == null || model.label().isEmpty() ? model.name() : model.label();
        getStyleClass().addAll(GraphEditorStyles.PORT, input ? GraphEditorStyles.INPUT : GraphEditorStyles.OUTPUT);
        setManaged(false);
        resize(SIZE, SIZE);
        // Tooltips are made on first hover: hundreds of ports would otherwise each carry a popup control.
        addEventHandler(MouseEvent.MOUSE_ENTERED, e -> installTooltip());
    }

    private void installTooltip() {
        if (!tooltipInstalled) {
            tooltipInstalled = true;
            Tooltip.install(this, new Tooltip(label));
        }
    }

    PortKey key() {
        return key;
    }

    boolean isInput() {
        return input;
    }

    String label() {
        return label;
    }
}

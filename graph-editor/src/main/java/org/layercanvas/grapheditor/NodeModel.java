package org.layercanvas.grapheditor;

import java.util.List;
import java.util.Objects;

/**
 * A node as the editor shows it. Immutable; the application builds these from its own document.
 *
 * @param id          stable id
 * @param title       header text (e.g. the node's name)
 * @param subtitle    second line (e.g. its type and main setting), may be empty
 * @param badge       small text at the header's right (e.g. a parameter count), may be empty
 * @param iconLiteral Ikonli icon literal for the header, or null
 * @param category    a CSS-friendly word added as style class {@code category-<category>} (header colour)
 * @param inputs      input ports, shown on the node's top edge, left to right
 * @param outputs     output ports, shown on the node's bottom edge
 * @param x           canvas x of the node's top-left corner
 * @param y           canvas y of the node's top-left corner
 * @param state       normal, warning, error or running
 * @param tooltip     tooltip text (e.g. the problems of this node), may be empty
 * @param status      a status line at the node's foot, or null for none
 */
public record NodeModel(String id, String title, String subtitle, String badge, String iconLiteral, String category,
                        List<PortModel> inputs, List<PortModel> outputs, double x, double y, NodeState state,
                        String tooltip, NodeStatus status) {
    public NodeModel {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        subtitle = subtitle == null ? "" : subtitle;
        badge = badge == null ? "" : badge;
        category = category == null ? "" : category;
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        state = state == null ? NodeState.NORMAL : state;
        tooltip = tooltip == null ? "" : tooltip;
    }

    /** A node without a status line. */
    public NodeModel(String id, String title, String subtitle, String badge, String iconLiteral, String category,
                     List<PortModel> inputs, List<PortModel> outputs, double x, double y, NodeState state,
                     String tooltip) {
        this(id, title, subtitle, badge, iconLiteral, category, inputs, outputs, x, y, state, tooltip, null);
    }
}

package org.layercanvas.grapheditor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The skin of one node: a header (icon, title, badge), a subtitle line, and port circles centred on the top edge
 * (inputs) and bottom edge (outputs). It only shows a {@link NodeModel}; it never changes the graph.
 */
final class NodeView extends Region {
    static final double MIN_WIDTH = 140;
    static final double MAX_WIDTH = 260;
    /** Horizontal room each port needs, so many ports widen the node instead of overlapping. */
    static final double PORT_PITCH = 22;

    private final HBox header = new HBox();
    private final Label title = new Label();
    private final Label badge = new Label();
    private final Label subtitle = new Label();
    private final Label status = new Label();
    private FontIcon icon;
    private final List<PortView> inputs = new ArrayList<>();
    private final List<PortView> outputs = new ArrayList<>();
    private NodeModel model;
    private String categoryClass;
    private Tooltip tooltip;
    private boolean hovered;

    NodeView(NodeModel model) {
        getStyleClass().add(GraphEditorStyles.NODE);
        header.getStyleClass().add(GraphEditorStyles.NODE_HEADER);
        title.getStyleClass().add(GraphEditorStyles.NODE_TITLE);
        title.setTextOverrun(OverrunStyle.ELLIPSIS);
        title.setMinWidth(0);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        badge.getStyleClass().add(GraphEditorStyles.NODE_BADGE);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        subtitle.getStyleClass().add(GraphEditorStyles.NODE_SUBTITLE);
        subtitle.setTextOverrun(OverrunStyle.ELLIPSIS);
        subtitle.setMinWidth(0);
        status.getStyleClass().add(GraphEditorStyles.NODE_STATUS);
        status.setTextOverrun(OverrunStyle.ELLIPSIS);
        status.setMinWidth(0);
        status.setMaxWidth(Double.MAX_VALUE);
        header.getChildren().addAll(title, badge);
        getChildren().addAll(header, subtitle, status);
        addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            hovered = true;
            installTooltip();
        });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hovered = false);
        update(model);
    }

    NodeModel model() {
        return model;
    }

    String nodeId() {
        return model.id();
    }

    /** Shows a new model of the same node, touching only what changed. Returns whether port geometry may have changed. */
    boolean update(NodeModel m) {
        NodeModel old = model;
        model = m;
        getProperties().put(GraphEditor.NODE_ID_KEY, m.id());
        if (old == null || !old.title().equals(m.title())) {
            title.setText(m.title());
        }
        if (old == null || !old.badge().equals(m.badge())) {
            badge.setText(m.badge());
            badge.setVisible(!m.badge().isEmpty());
            badge.setManaged(!m.badge().isEmpty());
        }
        if (old == null || !old.subtitle().equals(m.subtitle())) {
            subtitle.setText(m.subtitle());
            subtitle.setVisible(!m.subtitle().isEmpty());
            subtitle.setManaged(!m.subtitle().isEmpty());
        }
        boolean statusShownChanged = old == null || (old.status() == null) != (m.status() == null);
        if (old == null || !Objects.equals(old.status(), m.status())) {
            updateStatus(m.status());
        }
        if (old == null || !Objects.equals(old.iconLiteral(), m.iconLiteral())) {
            updateIcon(m.iconLiteral());
        }
        String newCategory = m.category().isEmpty() ? null : GraphEditorStyles.CATEGORY_PREFIX + cssWord(m.category());
        if (!Objects.equals(categoryClass, newCategory)) {
            if (categoryClass != null) {
                getStyleClass().remove(categoryClass);
            }
            if (newCategory != null) {
                getStyleClass().add(newCategory);
            }
            categoryClass = newCategory;
        }
        if (old == null || old.state() != m.state()) {
            GraphEditorStyles.applyState(this, m.state());
        }
        if (old == null || !old.tooltip().equals(m.tooltip())) {
            updateTooltip();
        }
        boolean portsChanged = old == null || !old.inputs().equals(m.inputs()) || !old.outputs().equals(m.outputs());
        if (portsChanged) {
            rebuildPorts(inputs, m.inputs(), true);
            rebuildPorts(outputs, m.outputs(), false);
            requestLayout();
        }
        // A status line that comes or goes changes the node's height, so the output ports move.
        return portsChanged || statusShownChanged;
    }

    private void updateStatus(NodeStatus s) {
        status.setText(s == null ? "" : s.text());
        status.setVisible(s != null);
        status.setManaged(s != null);
        for (NodeStatus.Level level : NodeStatus.Level.values()) {
            status.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(
                    level.name().toLowerCase(java.util.Locale.ROOT)), s != null && s.level() == level);
        }
    }

    private static String cssWord(String s) {
        return s.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-");
    }

    private void updateIcon(String literal) {
        if (icon != null) {
            header.getChildren().remove(icon);
            icon = null;
        }
        if (literal != null && !literal.isBlank()) {
            try {
                FontIcon fi = new FontIcon(literal);
                fi.getStyleClass().add(GraphEditorStyles.NODE_ICON);
                icon = fi;
                header.getChildren().add(0, fi);
            } catch (RuntimeException unknownIcon) {
                // An unknown literal (missing icon pack) shows no icon rather than breaking the editor.
                icon = null;
            }
        }
    }

    private void updateTooltip() {
        if (tooltip != null) {
            if (model.tooltip().isEmpty()) {
                Tooltip.uninstall(this, tooltip);
                tooltip = null;
            } else {
                tooltip.setText(model.tooltip());
            }
        } else if (hovered) {
            installTooltip();
        }
    }

    private void installTooltip() {
        if (tooltip == null && !model.tooltip().isEmpty()) {
            tooltip = new Tooltip(model.tooltip());
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(360);
            Tooltip.install(this, tooltip);
        }
    }

    private void rebuildPorts(List<PortView> views, List<PortModel> models, boolean input) {
        getChildren().removeAll(views);
        views.clear();
        for (PortModel p : models) {
            PortView v = new PortView(new PortKey(model.id(), p.name()), p, input);
            views.add(v);
        }
        getChildren().addAll(views);
    }

    List<PortView> inputs() {
        return inputs;
    }

    List<PortView> outputs() {
        return outputs;
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(GraphEditorStyles.SELECTED, selected);
    }

    /** Width to use for geometry: the laid-out width, or the preferred one before the first layout. */
    double effectiveWidth() {
        return getWidth() > 0 ? getWidth() : prefWidth(-1);
    }

    double effectiveHeight() {
        return getHeight() > 0 ? getHeight() : prefHeight(-1);
    }

    /** Centre of a port in this node's coordinates, or null when the node has no such port. */
    Point2D portCenter(String portName, boolean input) {
        List<PortView> list = input ? inputs : outputs;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).key().port().equals(portName)) {
                return new Point2D(portX(i, list.size(), effectiveWidth()), input ? 0 : effectiveHeight());
            }
        }
        return null;
    }

    /** Centre of a port in canvas coordinates (the node's position included). */
    Point2D portCenterInCanvas(String portName, boolean input) {
        Point2D p = portCenter(portName, input);
        if (p == null) {
            // Unknown port: attach to the middle of the edge so the wire stays visible.
            p = new Point2D(effectiveWidth() / 2, input ? 0 : effectiveHeight());
        }
        return new Point2D(getLayoutX() + p.getX(), getLayoutY() + p.getY());
    }

    static double portX(int index, int count, double width) {
        return width * (index + 1) / (count + 1);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double w = getWidth();
        double innerW = w - in.getLeft() - in.getRight();
        double hh = header.prefHeight(innerW);
        header.resizeRelocate(in.getLeft(), in.getTop(), innerW, hh);
        double y = in.getTop() + hh;
        if (subtitle.isManaged()) {
            double sh = subtitle.prefHeight(innerW);
            subtitle.resizeRelocate(in.getLeft(), y, innerW, sh);
            y += sh;
        }
        if (status.isManaged()) {
            status.resizeRelocate(in.getLeft(), y, innerW, status.prefHeight(innerW));
        }
        layoutPorts(inputs, 0);
        layoutPorts(outputs, getHeight());
    }

    private void layoutPorts(List<PortView> ports, double y) {
        for (int i = 0; i < ports.size(); i++) {
            PortView p = ports.get(i);
            p.resize(PortView.SIZE, PortView.SIZE);
            p.relocate(portX(i, ports.size(), getWidth()) - PortView.SIZE / 2, y - PortView.SIZE / 2);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        double content = Math.max(header.prefWidth(-1), subtitle.isManaged() ? subtitle.prefWidth(-1) : 0);
        content = Math.max(content, status.isManaged() ? status.prefWidth(-1) : 0);
        double ports = Math.max(inputs.size(), outputs.size()) * PORT_PITCH;
        double w = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, in.getLeft() + content + in.getRight()));
        return Math.ceil(Math.max(w, ports));
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double h = in.getTop() + header.prefHeight(-1) + in.getBottom();
        if (subtitle.isManaged()) {
            h += subtitle.prefHeight(-1);
        }
        if (status.isManaged()) {
            h += status.prefHeight(-1);
        }
        return Math.ceil(h);
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }
}

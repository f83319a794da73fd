package org.layercanvas.grapheditor;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

/**
 * Selected nodes and wires and the focused node: state of the {@link GraphEditor} control (the skin shows it). The
 * focused node is always selected: removing it from the selection clears it.
 */
final class EditorSelection {
    private final ObservableSet<String> nodes = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableSet<String> wires = FXCollections.observableSet(new LinkedHashSet<>());
    private final ReadOnlyObjectWrapper<String> focused;

    EditorSelection(Object bean) {
        focused = new ReadOnlyObjectWrapper<>(bean, "focusedNode");
        nodes.addListener((SetChangeListener<String>) c -> {
            if (c.wasRemoved() && Objects.equals(c.getElementRemoved(), focused.get())) {
                focused.set(null);
            }
        });
    }

    ObservableSet<String> nodes() {
        return nodes;
    }

    ObservableSet<String> wires() {
        return wires;
    }

    ReadOnlyObjectWrapper<String> focused() {
        return focused;
    }

    void select(String nodeId) {
        wires.clear();
        nodes.retainAll(Set.of(nodeId));
        nodes.add(nodeId);
        focused.set(nodeId);
    }

    void toggle(String nodeId) {
        if (nodes.contains(nodeId)) {
            nodes.remove(nodeId);
        } else {
            nodes.add(nodeId);
            focused.set(nodeId);
        }
    }

    void selectWire(String wireId) {
        nodes.clear();
        wires.retainAll(Set.of(wireId));
        wires.add(wireId);
    }

    void addAll(Collection<String> nodeIds, Collection<String> wireIds) {
        nodes.addAll(nodeIds);
        wires.addAll(wireIds);
    }

    void clear() {
        nodes.clear();
        wires.clear();
        focused.set(null);
    }
}

package org.layercanvas.grapheditor;

import java.util.ArrayList;
import java.util.List;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.event.EventType;
import javafx.scene.Node;

/** Event handlers added to one node, remembered so that a skin can remove them all when it is disposed. */
final class EventHandlers {
    private record Added<T extends Event>(EventType<T> type, EventHandler<? super T> handler) {
        void remove(Node node) {
            node.removeEventHandler(type, handler);
        }
    }

    private final Node node;
    private final List<Added<?>> added = new ArrayList<>();

    EventHandlers(Node node) {
        this.node = node;
    }

    <T extends Event> void on(EventType<T> type, EventHandler<? super T> handler) {
        node.addEventHandler(type, handler);
        added.add(new Added<>(type, handler));
    }

    void removeAll() {
        added.forEach(a -> a.remove(node));
        added.clear();
    }
}

package org.layercanvas.grapheditor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Point2D;

/** Records every intent the editor reports, for assertions. */
final class RecordingIntents implements EditorIntents {
    record Create(CreateChoice choice, Point2D at, PortKey from) {
    }

    record Delete(Set<String> nodes, Set<String> wires) {
    }

    record Connect(PortKey from, PortKey to) {
    }

    record Reconnect(String wire, PortKey from, PortKey to) {
    }

    final List<Reconnect> reconnects = new ArrayList<>();

    @Override
    public void reconnect(String wireId, PortKey from, PortKey to) {
        reconnects.add(new Reconnect(wireId, from, to));
    }

    final List<Map<String, Point2D>> moves = new ArrayList<>();
    final List<Connect> connects = new ArrayList<>();
    final List<Delete> deletes = new ArrayList<>();
    final List<Create> creates = new ArrayList<>();
    final List<String> inspects = new ArrayList<>();

    @Override
    public void moveNodes(Map<String, Point2D> positions) {
        moves.add(positions);
    }

    @Override
    public void connect(PortKey from, PortKey to) {
        connects.add(new Connect(from, to));
    }

    @Override
    public void delete(Set<String> nodeIds, Set<String> wireIds) {
        deletes.add(new Delete(nodeIds, wireIds));
    }

    @Override
    public void create(CreateChoice choice, Point2D at, PortKey from) {
        creates.add(new Create(choice, at, from));
    }

    @Override
    public void inspect(String nodeId) {
        inspects.add(nodeId);
    }
}

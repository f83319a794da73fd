package org.layercanvas.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The network a student draws: the single source of truth that the editor edits, the runtime compiles and the
 * file format stores. Immutable; every edit makes a new document.
 */
public record NetworkDocument(Metadata metadata, List<Node> nodes, List<Edge> edges, DatasetSpec dataset,
                              TrainingSettings training) {
    public NetworkDocument {
        Objects.requireNonNull(metadata, "metadata");
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        training = training == null ? TrainingSettings.DEFAULT : training;
    }

    /** The Input node (the first, should a broken document have several), if there is one. */
    public Optional<Node> inputNode() {
        return nodes.stream().filter(n -> n.type() == org.layercanvas.model.layers.LayerType.INPUT).findFirst();
    }

    public Optional<Node> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public List<Edge> edgesInto(String nodeId) {
        return edges.stream().filter(e -> e.to().nodeId().equals(nodeId)).toList();
    }

    public List<Edge> edgesOutOf(String nodeId) {
        return edges.stream().filter(e -> e.from().nodeId().equals(nodeId)).toList();
    }

    public NetworkDocument withTraining(TrainingSettings settings) {
        return new NetworkDocument(metadata, nodes, edges, dataset, settings);
    }

    public NetworkDocument withDataset(DatasetSpec spec) {
        return new NetworkDocument(metadata, nodes, edges, spec, training);
    }

    public NetworkDocument withNode(Node replacement) {
        List<Node> copy = new ArrayList<>(nodes);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).id().equals(replacement.id())) {
                copy.set(i, replacement);
                return new NetworkDocument(metadata, copy, edges, dataset, training);
            }
        }
        copy.add(replacement);
        return new NetworkDocument(metadata, copy, edges, dataset, training);
    }

    public NetworkDocument withEdges(List<Edge> newEdges) {
        return new NetworkDocument(metadata, nodes, newEdges, dataset, training);
    }
}

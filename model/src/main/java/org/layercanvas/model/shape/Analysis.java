package org.layercanvas.model.shape;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.layercanvas.model.Edge;

/**
 * The result of analysing a document: every node's output shape and parameter count, the total, the problems,
 * and a topological order of the nodes that take part in the flow.
 */
public record Analysis(Map<String, TensorShape> outputShapes, Map<String, Long> paramCounts, long totalParams,
                       List<Diagnostic> diagnostics, List<String> order) {
    public Analysis {
        outputShapes = Map.copyOf(outputShapes);
        paramCounts = Map.copyOf(paramCounts);
        diagnostics = List.copyOf(diagnostics);
        order = List.copyOf(order);
    }

    /** The shape a wire carries, if known. */
    public Optional<TensorShape> shapeOf(Edge edge) {
        return Optional.ofNullable(outputShapes.get(edge.from().nodeId()));
    }

    /** The shape of {@code doc}'s Input node (this analysis being of {@code doc}), when it could be inferred. */
    public Optional<TensorShape> inputShape(org.layercanvas.model.NetworkDocument doc) {
        return doc.inputNode().flatMap(n -> outputShape(n.id()));
    }

    public Optional<TensorShape> outputShape(String nodeId) {
        return Optional.ofNullable(outputShapes.get(nodeId));
    }

    public long paramCount(String nodeId) {
        return paramCounts.getOrDefault(nodeId, 0L);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> diagnosticsFor(String nodeId) {
        return diagnostics.stream().filter(d -> nodeId.equals(d.nodeId())).toList();
    }
}

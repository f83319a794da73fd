package org.layercanvas.runtime.interop.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * A DL4J network as named vertices with their inputs, in topological order, whether it came from a
 * ComputationGraph or a MultiLayerNetwork (whose layers become a chain from one input named {@code input}).
 */
record Dl4jGraph(List<String> inputs, List<Vertex> vertices, List<String> outputs) {
    /**
     * One vertex: a layer ({@code layer} and its {@code layerConf}, with the preprocessor DL4J applies before it)
     * or another graph vertex ({@code vertex}).
     */
    record Vertex(String name, Layer layer, NeuralNetConfiguration layerConf, GraphVertex vertex,
                  InputPreProcessor preProcessor, List<String> inputs) {
    }

    static Dl4jGraph of(ComputationGraphConfiguration conf) {
        Map<String, Vertex> byName = new LinkedHashMap<>();
        for (Map.Entry<String, GraphVertex> e : conf.getVertices().entrySet()) {
            List<String> in = conf.getVertexInputs().getOrDefault(e.getKey(), List.of());
            if (e.getValue() instanceof LayerVertex lv) {
                byName.put(e.getKey(), new Vertex(e.getKey(), lv.getLayerConf().getLayer(), lv.getLayerConf(), null,
                        lv.getPreProcessor(), in));
            } else {
                byName.put(e.getKey(), new Vertex(e.getKey(), null, null, e.getValue(), null, in));
            }
        }
        return new Dl4jGraph(conf.getNetworkInputs(), order(conf.getNetworkInputs(), byName),
                conf.getNetworkOutputs());
    }

    static Dl4jGraph of(MultiLayerConfiguration conf) {
        List<Vertex> chain = new ArrayList<>();
        Set<String> names = new HashSet<>(List.of("input"));
        String previous = "input";
        for (int i = 0; i < conf.getConfs().size(); i++) {
            NeuralNetConfiguration c = conf.getConf(i);
            String name = c.getLayer().getLayerName();
            if (name == null || name.isBlank() || names.contains(name)) {
                name = "layer" + i;
            }
            names.add(name);
            chain.add(new Vertex(name, c.getLayer(), c, null, conf.getInputPreProcess(i), List.of(previous)));
            previous = name;
        }
        return new Dl4jGraph(List.of("input"), chain, List.of(previous));
    }

    /** Kahn's order; vertices in a cycle (a broken file) keep their file order at the end. */
    private static List<Vertex> order(List<String> inputs, Map<String, Vertex> byName) {
        List<Vertex> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>(inputs);
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Vertex v : byName.values()) {
                if (!done.contains(v.name()) && done.containsAll(v.inputs())) {
                    ordered.add(v);
                    done.add(v.name());
                    progress = true;
                }
            }
        }
        byName.values().stream().filter(v -> !done.contains(v.name())).forEach(ordered::add);
        return ordered;
    }

    List<Vertex> consumers(String name) {
        return vertices.stream().filter(v -> v.inputs().contains(name)).toList();
    }
}

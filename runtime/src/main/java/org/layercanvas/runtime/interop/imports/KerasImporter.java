package org.layercanvas.runtime.interop.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layercanvas.model.Edge;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.layers.LayerType;

/**
 * A Keras architecture to a document: every layer mapped by {@link KerasLayers}, each model input to an Input node
 * whose kind follows from its shape and its readers, each model output (a Dense with softmax, sigmoid or no
 * activation, or such a Dense followed by an Activation) to an Output node; node ids are the Keras layer names.
 * All problems are collected and thrown together; a document is returned only when nothing was left out.
 */
final class KerasImporter {
    private final String where;
    private final KerasModelReader reader;
    private final List<ImportProblem> errors = new ArrayList<>();
    private final List<ImportProblem> warnings = new ArrayList<>();

    KerasImporter(String where) {
        this.where = where;
        this.reader = new KerasModelReader(where);
    }

    /**
     * @param title    the document's title when the model has no name
     * @param lossHint the loss the file was compiled with ({@link KerasOutputs#lossHint}), or null
     */
    ImportResult read(KerasJson.Parsed parsed, String title, String lossHint) throws ImportException {
        if (parsed.doubleEncoded()) {
            warnings.add(new ImportProblem(where, ImportMessages.format("warning.doubleEncoded")));
        }
        KerasModel model = reader.read(parsed.root());
        Map<String, KerasLayers.Mapped> mapped = mapLayers(model);
        checkWiring(model, mapped);
        failIfAny();
        Map<String, String> outputs = new KerasOutputs(model, mapped, lossHint, reader::layerWhere, errors, warnings)
                .fold();
        KerasInputs inputs = new KerasInputs(model, mapped, reader::layerWhere, errors, warnings);
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (KerasModel.Layer l : model.layers()) {
            if (outputs.containsKey(l.name()) && !outputs.get(l.name()).equals(l.name())) {
                continue;
            }
            if (l.className().equals("InputLayer")) {
                nodes.add(new Node(l.name(), LayerType.INPUT, inputs.params(l), null));
                continue;
            }
            KerasLayers.Mapped m = mapped.get(l.name());
            nodes.add(new Node(l.name(), m.type(), m.params(), null));
            l.inbound().forEach(from -> edges.add(Edge.of(from, l.name())));
        }
        failIfAny();
        String name = model.name().isBlank() ? title : model.name();
        String version = model.kerasVersion().isBlank() ? "?" : model.kerasVersion();
        NetworkDocument doc = Assembly.document(name, ImportMessages.format("keras.description", title, version),
                nodes, edges, reader::layerWhere, errors);
        failIfAny();
        return new ImportResult(doc, warnings, null);
    }

    private Map<String, KerasLayers.Mapped> mapLayers(KerasModel model) {
        Map<String, KerasLayers.Mapped> mapped = new LinkedHashMap<>();
        for (KerasModel.Layer l : model.layers()) {
            if (l.className().equals("InputLayer")) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            KerasLayers.Mapped m = KerasLayers.map(l, reasons, notes);
            String at = reader.layerWhere(l.name());
            reasons.forEach(r -> errors.add(new ImportProblem(at, r)));
            notes.forEach(n -> warnings.add(new ImportProblem(at, n)));
            if (m != null) {
                mapped.put(l.name(), m);
            }
        }
        return mapped;
    }

    private static final java.util.Set<String> RECURRENT = java.util.Set.of("LSTM", "GRU", "SimpleRNN", "RNN",
            "CuDNNLSTM", "CuDNNGRU", "Bidirectional");

    /** Every layer reads existing layers, as many as its catalog type takes. */
    private void checkWiring(KerasModel model, Map<String, KerasLayers.Mapped> mapped) {
        for (KerasModel.Layer l : model.layers()) {
            String at = reader.layerWhere(l.name());
            for (String from : l.inbound()) {
                if (model.layer(from) == null) {
                    errors.add(new ImportProblem(at, ImportMessages.format("keras.unknownInbound", from)));
                }
            }
            KerasLayers.Mapped m = mapped.get(l.name());
            if (l.className().equals("InputLayer") || m == null) {
                continue;
            }
            boolean merge = m.type() == LayerType.ADD || m.type() == LayerType.CONCATENATE;
            if (l.inbound().isEmpty()) {
                errors.add(new ImportProblem(at, ImportMessages.format("keras.noInbound")));
            } else if (!merge && l.inbound().size() > 1 && RECURRENT.contains(l.className())) {
                // the tensors after the first are initial_state (Keras 2 lists them with the input)
                errors.add(new ImportProblem(at, ImportMessages.format("keras.initialState",
                        String.join(", ", new java.util.LinkedHashSet<>(l.inbound().subList(1, l.inbound().size()))))));
            } else if (!merge && l.inbound().size() > 1) {
                errors.add(new ImportProblem(at, ImportMessages.format("keras.manyInbound", l.inbound().size())));
            }
        }
        for (String name : model.inputs()) {
            KerasModel.Layer l = model.layer(name);
            if (l == null || !l.className().equals("InputLayer")) {
                errors.add(new ImportProblem(reader.layerWhere(name), ImportMessages.format("keras.inputNotInputLayer")));
            }
        }
    }

    private void failIfAny() throws ImportException {
        if (!errors.isEmpty()) {
            throw new ImportException(false, errors);
        }
    }

    /** The Keras activation of a layer's config as text, for messages. */
    static String activationOf(JsonNode config) {
        return KerasConfig.activationName(config.get("activation"));
    }
}

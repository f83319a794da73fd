package org.layercanvas.runtime.interop.imports;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.layercanvas.model.Edge;
import org.layercanvas.model.Metadata;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerSpec;
import org.layercanvas.model.layers.ParamDef;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.Diagnostic;
import org.layercanvas.model.shape.ShapeInference;

/**
 * The last step every importer shares: each parameter is checked against the catalog's range (a value the editor
 * would refuse is an import error, not a surprise on the canvas), the nodes are placed top to bottom, and the
 * document is made. No dataset here: {@link DatasetGuess} names one for a tutorial's shapes, else the student picks.
 */
final class Assembly {
    private Assembly() {
    }

    /**
     * @param whereOf the location of a node's problems, from its id
     * @param errors  receives a problem per parameter out of range
     */
    static NetworkDocument document(String title, String description, List<Node> nodes, List<Edge> edges,
                                    Function<String, String> whereOf, List<ImportProblem> errors) {
        LayerCatalog catalog = LayerCatalog.standard();
        for (Node n : nodes) {
            LayerSpec spec = catalog.spec(n.type());
            for (Map.Entry<String, Object> e : n.params().entrySet()) {
                Optional<ParamDef> def = spec.param(e.getKey());
                if (def.isEmpty()) {
                    errors.add(new ImportProblem(whereOf.apply(n.id()),
                            ImportMessages.format("param.unknown", e.getKey(), n.type().jsonName())));
                } else if (def.get().check(e.getValue()).isPresent()) {
                    errors.add(new ImportProblem(whereOf.apply(n.id()), ImportMessages.format("param.outOfRange",
                            e.getKey(), String.valueOf(e.getValue()), def.get().rangeText())));
                }
            }
        }
        NetworkDocument doc = new NetworkDocument(new Metadata(title, description), Placement.place(nodes, edges),
                edges, null, null);
        if (errors.isEmpty()) {
            shapeErrors(doc, whereOf, errors);
        }
        return doc;
    }

    /**
     * A layer whose inputs do not fit it (a Keras Dense applied to every step of a sequence, which the catalog's
     * Dense does not do) would import as a broken document: an import error instead, in the validator's words.
     * Problems of the document as a whole (several inputs, no dataset yet) are left for the editor to show.
     */
    private static void shapeErrors(NetworkDocument doc, Function<String, String> whereOf, List<ImportProblem> errors) {
        Analysis analysis = new ShapeInference(LayerCatalog.standard()).analyze(doc);
        for (Diagnostic d : analysis.errors()) {
            if (d.nodeId() != null && d.code().startsWith("shape.")) {
                errors.add(new ImportProblem(whereOf.apply(d.nodeId()), d.message()));
            }
        }
    }
}

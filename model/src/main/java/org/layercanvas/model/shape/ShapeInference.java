package org.layercanvas.model.shape;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.Edge;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.data.DatasetCatalog;
import org.layercanvas.model.data.DatasetInfo;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerSpec;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.layers.ParamDef;
import org.layercanvas.model.layers.PortSpec;

/**
 * Infers every wire's tensor shape and every node's parameter count, and finds what is wrong, in one pass over a
 * document. Pure Java and fast enough to run after every edit (see the model benchmark). Errors do not cascade:
 * a node whose input is unknown because of an upstream problem is left without a shape and without a message.
 */
public final class ShapeInference {
    private final LayerCatalog catalog;

    public ShapeInference(LayerCatalog catalog) {
        this.catalog = catalog;
    }

    public Analysis analyze(NetworkDocument doc) {
        return new Run(doc).analyze();
    }

    /** State of one analysis; not shared between threads or documents. */
    private final class Run {
        private final NetworkDocument doc;
        private final Map<String, Node> nodes = new LinkedHashMap<>();
        private final Map<String, List<Edge>> incoming = new HashMap<>();
        private final Map<String, List<Edge>> outgoing = new HashMap<>();
        private final Map<String, Map<String, Object>> params = new HashMap<>();
        private final Set<String> badParams = new HashSet<>();
        private final Map<String, TensorShape> shapes = new LinkedHashMap<>();
        private final Map<String, Long> counts = new LinkedHashMap<>();
        private final List<Diagnostic> diagnostics = new ArrayList<>();

        Run(NetworkDocument doc) {
            this.doc = doc;
        }

        Analysis analyze() {
            collectNodes();
            collectEdges();
            List<String> order = topologicalOrder();
            for (String id : order) {
                inferNode(nodes.get(id));
            }
            checkInputsAndOutputs();
            checkDataset();
            SettingsChecks.checkTraining(doc.training(), diagnostics);
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            return new Analysis(shapes, counts, total, diagnostics, order);
        }

        // ---- structure -------------------------------------------------------------------------------------

        private void collectNodes() {
            for (Node n : doc.nodes()) {
                if (nodes.putIfAbsent(n.id(), n) != null) {
                    error(n, null, "node.duplicateId", n.id());
                    continue;
                }
                incoming.put(n.id(), new ArrayList<>());
                outgoing.put(n.id(), new ArrayList<>());
                checkParams(n);
            }
        }

        private void checkParams(Node n) {
            LayerSpec spec = catalog.spec(n.type());
            for (String name : n.params().keySet()) {
                if (spec.param(name).isEmpty()) {
                    warning(n, null, n.id() + "." + name, "param.unknown", typeName(n), n.id(), name);
                }
            }
            Map<String, Object> resolved = catalog.resolve(n);
            for (ParamDef def : spec.params()) {
                Object value = resolved.get(def.name());
                Optional<String> problem = def.check(value);
                if (problem.isPresent()) {
                    badParams.add(n.id());
                    errorAt(n, n.id() + "." + def.name(), problem.get(), typeName(n), n.id(), def.name(),
                            String.valueOf(value), def.rangeText());
                }
            }
            params.put(n.id(), resolved);
        }

        private void collectEdges() {
            Set<Edge> seen = new HashSet<>();
            for (Edge e : doc.edges()) {
                Node from = nodes.get(e.from().nodeId());
                Node to = nodes.get(e.to().nodeId());
                String where = e.from() + "->" + e.to();
                if (from == null || to == null) {
                    String missing = from == null ? e.from().nodeId() : e.to().nodeId();
                    diagnostics.add(new Diagnostic(Severity.ERROR, null, null, where, "edge.unknownNode",
                            List.of(where, missing), null));
                    continue;
                }
                if (!catalog.spec(from.type()).hasOutput() || !PortSpec.OUT.equals(e.from().port())) {
                    error(from, e.from().port(), "edge.noSuchOutput", typeName(from), from.id(), e.from().port());
                    continue;
                }
                if (catalog.spec(to.type()).input(e.to().port()).isEmpty()) {
                    error(to, e.to().port(), "edge.noSuchInput", typeName(to), to.id(), e.to().port());
                    continue;
                }
                if (!seen.add(e)) {
                    warning(to, e.to().port(), where, "edge.duplicate", from.id(), to.id());
                    continue;
                }
                if (from.id().equals(to.id())) {
                    error(to, e.to().port(), "edge.selfLoop", typeName(to), to.id());
                    continue;
                }
                incoming.get(to.id()).add(e);
                outgoing.get(from.id()).add(e);
            }
            for (Node n : nodes.values()) {
                LayerSpec spec = catalog.spec(n.type());
                for (PortSpec port : spec.inputs()) {
                    long wires = incoming.get(n.id()).stream().filter(e -> e.to().port().equals(port.name())).count();
                    if (wires == 0) {
                        error(n, port.name(), "port.unconnected", typeName(n), n.id());
                    } else if (!port.multiple() && wires > 1) {
                        error(n, port.name(), "port.tooManyWires", typeName(n), n.id(), Long.toString(wires));
                    } else if (port.multiple() && wires < 2) {
                        error(n, port.name(), "port.needsTwo", typeName(n), n.id());
                    }
                }
                if (spec.hasOutput() && outgoing.get(n.id()).isEmpty() && n.type() != LayerType.INPUT
                        && !incoming.get(n.id()).isEmpty()) {
                    warning(n, PortSpec.OUT, n.id(), "node.deadEnd", typeName(n), n.id());
                }
            }
        }

        /** Kahn's algorithm; nodes left over sit on or behind a cycle and get a message naming the loop. */
        private List<String> topologicalOrder() {
            Map<String, Integer> indegree = new HashMap<>();
            for (String id : nodes.keySet()) {
                indegree.put(id, incoming.get(id).size());
            }
            Deque<String> ready = new ArrayDeque<>();
            for (String id : nodes.keySet()) {
                if (indegree.get(id) == 0) {
                    ready.add(id);
                }
            }
            List<String> order = new ArrayList<>();
            while (!ready.isEmpty()) {
                String id = ready.poll();
                order.add(id);
                for (Edge e : outgoing.get(id)) {
                    String next = e.to().nodeId();
                    if (indegree.merge(next, -1, Integer::sum) == 0) {
                        ready.add(next);
                    }
                }
            }
            if (order.size() < nodes.size()) {
                reportCycles(new HashSet<>(order));
            }
            return order;
        }

        private void reportCycles(Set<String> ordered) {
            Set<String> reported = new HashSet<>();
            for (String start : nodes.keySet()) {
                if (ordered.contains(start) || reported.contains(start)) {
                    continue;
                }
                List<String> loop = findLoop(start, ordered);
                if (loop.isEmpty()) {
                    continue;
                }
                String path = String.join(" \u2192 ", loop) + " \u2192 " + loop.get(0);
                for (String id : loop) {
                    if (reported.add(id)) {
                        Node n = nodes.get(id);
                        error(n, null, "graph.cycle", typeName(n), id, path);
                    }
                }
            }
        }

        /** A loop through {@code start}, found by walking unordered successors; empty if start only follows one. */
        private List<String> findLoop(String start, Set<String> ordered) {
            Deque<String> path = new ArrayDeque<>();
            Set<String> onPath = new HashSet<>();
            Set<String> dead = new HashSet<>();
            return walk(start, start, ordered, path, onPath, dead) ? new ArrayList<>(path) : List.of();
        }

        private boolean walk(String current, String target, Set<String> ordered, Deque<String> path,
                             Set<String> onPath, Set<String> dead) {
            path.addLast(current);
            onPath.add(current);
            for (Edge e : outgoing.get(current)) {
                String next = e.to().nodeId();
                if (next.equals(target)) {
                    return true;
                }
                if (!ordered.contains(next) && !onPath.contains(next) && !dead.contains(next)
                        && walk(next, target, ordered, path, onPath, dead)) {
                    return true;
                }
            }
            path.removeLast();
            onPath.remove(current);
            dead.add(current);
            return false;
        }

        // ---- shapes ----------------------------------------------------------------------------------------

        private void inferNode(Node n) {
            if (badParams.contains(n.id())) {
                return;
            }
            Map<String, Object> p = params.get(n.id());
            if (n.type() == LayerType.INPUT) {
                shapes.put(n.id(), inputShape(p));
                counts.put(n.id(), 0L);
                return;
            }
            List<Edge> in = incoming.get(n.id());
            LayerSpec spec = catalog.spec(n.type());
            if (in.isEmpty() || (!spec.inputs().get(0).multiple() && in.size() > 1)) {
                return;
            }
            List<TensorShape> inputs = new ArrayList<>();
            for (Edge e : in) {
                TensorShape s = shapes.get(e.from().nodeId());
                if (s == null) {
                    return;
                }
                inputs.add(s);
            }
            Result r = infer(n, p, inputs, in);
            if (r != null) {
                shapes.put(n.id(), r.shape);
                counts.put(n.id(), r.params);
            }
        }

        private record Result(TensorShape shape, long params) {
        }

        private TensorShape inputShape(Map<String, Object> p) {
            return switch ((String) p.get("kind")) {
                case "image" -> TensorShape.image(i(p, "height"), i(p, "width"), i(p, "channels"));
                case "tokens" -> TensorShape.tokens(i(p, "length"), i(p, "vocabSize"));
                case "timeseries" -> TensorShape.sequence(i(p, "length"), i(p, "features"));
                default -> TensorShape.vector(i(p, "size"));
            };
        }

        private Result infer(Node n, Map<String, Object> p, List<TensorShape> inputs, List<Edge> in) {
            TensorShape x = inputs.get(0);
            Edge wire = in.get(0);
            return switch (n.type()) {
                case DENSE -> needVector(n, x, wire) ? new Result(TensorShape.vector(i(p, "units")),
                        x.dim(0) * (long) i(p, "units") + (b(p, "useBias") ? i(p, "units") : 0)) : null;
                case OUTPUT -> output(n, p, x, wire);
                case ACTIVATION, DROPOUT -> needNotTokens(n, x, wire) ? new Result(x, 0) : null;
                case BATCH_NORM -> needKind(n, x, "shape.needVectorOrImage", TensorShape.Kind.VECTOR,
                        TensorShape.Kind.IMAGE) ? new Result(x, 4L * x.channels()) : null;
                case LAYER_NORM -> needKind(n, x, "shape.needVectorOrSequence", TensorShape.Kind.VECTOR,
                        TensorShape.Kind.SEQUENCE) ? new Result(x, 2L * x.channels()) : null;
                case CONV2D -> conv(n, p, x);
                case MAX_POOL2D, AVG_POOL2D -> pool(n, p, x);
                case GLOBAL_AVG_POOL -> needKind(n, x, "shape.needImageOrSequence", TensorShape.Kind.IMAGE,
                        TensorShape.Kind.SEQUENCE) ? new Result(TensorShape.vector(x.channels()), 0) : null;
                case FLATTEN -> flatten(n, x);
                case EMBEDDING -> embedding(n, p, x);
                case LSTM, SIMPLE_RNN -> recurrent(n, p, x);
                case SELF_ATTENTION -> needKind(n, x, "shape.needSequence", TensorShape.Kind.SEQUENCE)
                        ? new Result(x, 4L * i(p, "heads") * i(p, "headSize") * x.dim(1)) : null;
                case ADD -> add(n, inputs, in);
                case CONCATENATE -> concat(n, inputs, in);
                case INPUT -> throw new IllegalStateException("Input has no inputs");
            };
        }

        private boolean needVector(Node n, TensorShape x, Edge wire) {
            if (x.kind() == TensorShape.Kind.VECTOR) {
                return true;
            }
            if (x.kind() == TensorShape.Kind.TOKENS) {
                error(n, "in", "shape.tokensNeedEmbedding", typeName(n), n.id(), x.label());
            } else {
                errorWithFix(n, "in", Fix.insert(LayerType.FLATTEN, wire), "shape.needVector", typeName(n), n.id(),
                        x.label(), Long.toString(x.size()));
            }
            return false;
        }

        private boolean needNotTokens(Node n, TensorShape x, Edge wire) {
            if (x.kind() == TensorShape.Kind.TOKENS) {
                errorWithFix(n, "in", Fix.insert(LayerType.EMBEDDING, wire), "shape.tokensNeedEmbedding",
                        typeName(n), n.id(), x.label());
                return false;
            }
            return true;
        }

        private boolean needKind(Node n, TensorShape x, String code, TensorShape.Kind... kinds) {
            if (Arrays.asList(kinds).contains(x.kind())) {
                return true;
            }
            error(n, "in", code, typeName(n), n.id(), x.label());
            return false;
        }

        private Result output(Node n, Map<String, Object> p, TensorShape x, Edge wire) {
            if (!needVector(n, x, wire)) {
                return null;
            }
            int units = i(p, "units");
            String loss = (String) p.get("loss");
            if ("softmax_ce".equals(loss) && units == 1) {
                errorWithFix(n, null, Fix.setParam(n.id(), "loss", "sigmoid_bce"), "output.softmaxOneUnit",
                        typeName(n), n.id());
            }
            return new Result(TensorShape.vector(units), x.dim(0) * (long) units + units);
        }

        private Result conv(Node n, Map<String, Object> p, TensorShape x) {
            if (!needKind(n, x, "shape.needImage", TensorShape.Kind.IMAGE)) {
                return null;
            }
            int k = i(p, "kernel");
            int s = i(p, "stride");
            int d = i(p, "dilation");
            int filters = i(p, "filters");
            int effective = k + (k - 1) * (d - 1);
            boolean same = "same".equals(p.get("padding"));
            int h = spatial(n, x, 0, effective, s, same, k, d, "conv");
            int w = h < 1 ? 0 : spatial(n, x, 1, effective, s, same, k, d, "conv");
            if (h < 1 || w < 1) {
                return null;
            }
            long count = (long) k * k * x.dim(2) * filters + filters;
            return new Result(TensorShape.image(h, w, filters), count);
        }

        private Result pool(Node n, Map<String, Object> p, TensorShape x) {
            if (!needKind(n, x, "shape.needImage", TensorShape.Kind.IMAGE)) {
                return null;
            }
            int k = i(p, "size");
            int s = i(p, "stride");
            boolean same = "same".equals(p.get("padding"));
            int h = spatial(n, x, 0, k, s, same, k, 1, "pool");
            int w = h < 1 ? 0 : spatial(n, x, 1, k, s, same, k, 1, "pool");
            if (h < 1 || w < 1) {
                return null;
            }
            return new Result(TensorShape.image(h, w, x.dim(2)), 0);
        }

        /**
         * Output size along one spatial axis. "same" padding: ceil(in / stride). "valid": floor((in - k) / stride)
         * + 1 with the dilated kernel size k; reports the arithmetic when nothing is left.
         */
        private int spatial(Node n, TensorShape x, int axis, int effective, int stride, boolean same, int k, int d,
                            String what) {
            int in = x.dim(axis);
            if (same) {
                return (in + stride - 1) / stride;
            }
            int out = Math.floorDiv(in - effective, stride) + 1;
            if (out < 1) {
                String code = d > 1 ? "shape." + what + ".emptyDilated" : "shape." + what + ".empty";
                error(n, "in", code, typeName(n), n.id(), Integer.toString(k), Integer.toString(stride),
                        x.dim(0) + "x" + x.dim(1), Integer.toString(in), Integer.toString(effective),
                        Integer.toString(out), Integer.toString(d));
            }
            return out;
        }

        private Result flatten(Node n, TensorShape x) {
            switch (x.kind()) {
                case IMAGE, SEQUENCE -> {
                    if (x.size() > Integer.MAX_VALUE) {
                        error(n, "in", "shape.tooLarge", typeName(n), n.id(), x.label(), Long.toString(x.size()));
                        return null;
                    }
                    return new Result(TensorShape.vector((int) x.size()), 0);
                }
                case VECTOR -> {
                    warning(n, "in", n.id(), "shape.alreadyFlat", typeName(n), n.id(), x.label());
                    return new Result(x, 0);
                }
                default -> {
                    error(n, "in", "shape.tokensNeedEmbedding", typeName(n), n.id(), x.label());
                    return null;
                }
            }
        }

        private Result embedding(Node n, Map<String, Object> p, TensorShape x) {
            if (x.kind() != TensorShape.Kind.TOKENS) {
                error(n, "in", "shape.needTokens", typeName(n), n.id(), x.label());
                return null;
            }
            int dim = i(p, "dim");
            return new Result(TensorShape.sequence(x.dim(0), dim), (long) x.vocabSize() * dim);
        }

        private Result recurrent(Node n, Map<String, Object> p, TensorShape x) {
            if (x.kind() == TensorShape.Kind.TOKENS) {
                error(n, "in", "shape.tokensNeedEmbedding", typeName(n), n.id(), x.label());
                return null;
            }
            if (!needKind(n, x, "shape.needSequence", TensorShape.Kind.SEQUENCE)) {
                return null;
            }
            int units = i(p, "units");
            long f = x.dim(1);
            long count;
            int directions = 1;
            if (n.type() == LayerType.LSTM) {
                directions = b(p, "bidirectional") ? 2 : 1;
                count = 4L * (f * units + (long) units * units + units) * directions;
            } else {
                count = f * units + (long) units * units + units;
            }
            int width = units * directions;
            TensorShape out = b(p, "returnSequences") ? TensorShape.sequence(x.dim(0), width)
                    : TensorShape.vector(width);
            return new Result(out, count);
        }

        private Result add(Node n, List<TensorShape> inputs, List<Edge> in) {
            TensorShape first = inputs.get(0);
            for (int k = 1; k < inputs.size(); k++) {
                if (!inputs.get(k).equals(first)) {
                    error(n, "in", "shape.addMismatch", typeName(n), n.id(), first.label(),
                            in.get(0).from().nodeId(), inputs.get(k).label(), in.get(k).from().nodeId());
                    return null;
                }
            }
            return new Result(first, 0);
        }

        private Result concat(Node n, List<TensorShape> inputs, List<Edge> in) {
            TensorShape first = inputs.get(0);
            long channels = 0;
            for (int k = 0; k < inputs.size(); k++) {
                TensorShape s = inputs.get(k);
                boolean compatible = s.kind() == first.kind() && s.kind() != TensorShape.Kind.TOKENS
                        && s.dims().subList(0, s.dims().size() - 1)
                        .equals(first.dims().subList(0, first.dims().size() - 1));
                if (!compatible) {
                    error(n, "in", "shape.concatMismatch", typeName(n), n.id(), first.label(),
                            in.get(0).from().nodeId(), s.label(), in.get(k).from().nodeId());
                    return null;
                }
                channels += s.channels();
            }
            if (channels > Integer.MAX_VALUE) {
                error(n, "in", "shape.tooLarge", typeName(n), n.id(), first.label(), Long.toString(channels));
                return null;
            }
            int joined = (int) channels;
            TensorShape out = switch (first.kind()) {
                case VECTOR -> TensorShape.vector(joined);
                case IMAGE -> TensorShape.image(first.dim(0), first.dim(1), joined);
                default -> TensorShape.sequence(first.dim(0), joined);
            };
            return new Result(out, 0);
        }

        // ---- document level --------------------------------------------------------------------------------

        private void checkInputsAndOutputs() {
            List<Node> inputs = nodes.values().stream().filter(n -> n.type() == LayerType.INPUT).toList();
            List<Node> outputs = nodes.values().stream().filter(n -> n.type() == LayerType.OUTPUT).toList();
            if (inputs.isEmpty()) {
                documentError("document", "graph.noInput");
            } else if (inputs.size() > 1) {
                for (Node n : inputs.subList(1, inputs.size())) {
                    error(n, null, "graph.manyInputs", typeName(n), n.id(), inputs.get(0).id());
                }
            }
            if (outputs.isEmpty()) {
                documentError("document", "graph.noOutput");
            } else if (outputs.size() > 1) {
                for (Node n : outputs.subList(1, outputs.size())) {
                    error(n, null, "graph.manyOutputs", typeName(n), n.id(), outputs.get(0).id());
                }
            }
            if (!inputs.isEmpty() && outputs.size() == 1 && shapes.containsKey(inputs.get(0).id())
                    && !reaches(inputs.get(0).id(), outputs.get(0).id())) {
                Node out = outputs.get(0);
                error(out, null, "graph.notReached", typeName(out), out.id(), inputs.get(0).id());
            }
        }

        private boolean reaches(String from, String to) {
            Deque<String> todo = new ArrayDeque<>(List.of(from));
            Set<String> seen = new HashSet<>();
            while (!todo.isEmpty()) {
                String id = todo.pop();
                if (id.equals(to)) {
                    return true;
                }
                if (seen.add(id)) {
                    outgoing.get(id).forEach(e -> todo.push(e.to().nodeId()));
                }
            }
            return false;
        }

        private void checkDataset() {
            DatasetSpec ds = doc.dataset();
            if (ds == null) {
                diagnostics.add(new Diagnostic(Severity.WARNING, null, null, "dataset", "dataset.none", List.of(),
                        null));
                return;
            }
            double sum = ds.split().sum();
            if (ds.split().train() <= 0 || ds.split().validation() < 0 || ds.split().test() < 0
                    || !Double.isFinite(sum) || Math.abs(sum - 1.0) > 1e-6) {
                documentError("dataset.split", "dataset.badSplit", num(ds.split().train()),
                        num(ds.split().validation()), num(ds.split().test()), num(sum));
            }
            TensorShape inputShape = nodes.values().stream().filter(n -> n.type() == LayerType.INPUT).findFirst()
                    .map(n -> shapes.get(n.id())).orElse(null);
            Optional<DatasetInfo> info = DatasetCatalog.info(ds, inputShape);
            if (info.isEmpty()) {
                documentError("dataset.id", "dataset.unknown", ds.id(), String.join(", ", DatasetCatalog.ALL));
                return;
            }
            SettingsChecks.checkToyOptions(ds, diagnostics);
            SettingsChecks.checkDataOptions(ds, diagnostics);
            DatasetInfo d = info.get();
            nodes.values().stream().filter(n -> n.type() == LayerType.INPUT).findFirst().ifPresent(in -> {
                TensorShape s = shapes.get(in.id());
                if (s != null && !d.accepts(s)) {
                    TensorShape want = d.inputShapes().get(0);
                    String accepted = String.join(" / ", d.inputShapes().stream().map(TensorShape::label).toList());
                    errorWithFix(in, null, Fix.setParams(in.id(), inputParams(want)), "dataset.inputMismatch",
                            typeName(in), in.id(), s.label(), d.id(), accepted);
                }
                if (ds.id().equals(DatasetCatalog.IMAGES) && s != null && d.inputShapes().isEmpty()) {
                    errorWithFix(in, null, Fix.setParams(in.id(), inputParams(TensorShape.image(28, 28, 1))),
                            "dataset.imagesNeedImageInput", typeName(in), in.id(), s.label());
                }
            });
            nodes.values().stream().filter(n -> n.type() == LayerType.OUTPUT).findFirst().ifPresent(out -> {
                Map<String, Object> p = params.get(out.id());
                if (badParams.contains(out.id())) {
                    return;
                }
                int units = i(p, "units");
                String loss = (String) p.get("loss");
                boolean regressionLoss = "mse".equals(loss) || "mae".equals(loss);
                if (d.regression()) {
                    if (units != 1) {
                        errorWithFix(out, null, Fix.setParam(out.id(), "units", 1), "dataset.regressionUnits",
                                typeName(out), out.id(), Integer.toString(units), d.id());
                    } else if (!regressionLoss) {
                        errorWithFix(out, null, Fix.setParam(out.id(), "loss", "mse"), "dataset.regressionLoss",
                                typeName(out), out.id(), loss, d.id());
                    }
                    return;
                }
                if (d.classes() <= 0) {
                    return;
                }
                boolean ok = units == d.classes() || (units == 1 && d.classes() == 2 && !"softmax_ce".equals(loss))
                        || (units == 1 && regressionLoss);
                if (!ok) {
                    errorWithFix(out, null, Fix.setParam(out.id(), "units", d.classes()), "dataset.classMismatch",
                            typeName(out), out.id(), Integer.toString(units), d.id(), Integer.toString(d.classes()));
                }
            });
        }

        /** The Input parameters that give {@code shape}. */
        private static Map<String, Object> inputParams(TensorShape shape) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            switch (shape.kind()) {
                case VECTOR -> {
                    m.put("kind", "vector");
                    m.put("size", shape.dim(0));
                }
                case IMAGE -> {
                    m.put("kind", "image");
                    m.put("height", shape.dim(0));
                    m.put("width", shape.dim(1));
                    m.put("channels", shape.dim(2));
                }
                case TOKENS -> {
                    m.put("kind", "tokens");
                    m.put("length", shape.dim(0));
                    m.put("vocabSize", shape.vocabSize());
                }
                case SEQUENCE -> {
                    m.put("kind", "timeseries");
                    m.put("length", shape.dim(0));
                    m.put("features", shape.dim(1));
                }
            }
            return m;
        }

        // ---- helpers ---------------------------------------------------------------------------------------

        private void error(Node n, String port, String code, String... args) {
            errorWithFix(n, port, null, code, args);
        }

        private void errorWithFix(Node n, String port, Fix fix, String code, String... args) {
            String where = port == null ? n.id() : n.id() + "." + port;
            diagnostics.add(new Diagnostic(Severity.ERROR, n.id(), port, where, code, List.of(args), fix));
        }

        private void errorAt(Node n, String where, String code, String... args) {
            diagnostics.add(new Diagnostic(Severity.ERROR, n.id(), null, where, code, List.of(args), null));
        }

        private void warning(Node n, String port, String where, String code, String... args) {
            diagnostics.add(new Diagnostic(Severity.WARNING, n.id(), port, where, code, List.of(args), null));
        }

        private void documentError(String where, String code, String... args) {
            diagnostics.add(new Diagnostic(Severity.ERROR, null, null, where, code, List.of(args), null));
        }
    }

    private static String typeName(Node n) {
        return n.type().jsonName();
    }

    private static int i(Map<String, Object> p, String name) {
        return ((Number) p.get(name)).intValue();
    }

    private static boolean b(Map<String, Object> p, String name) {
        return Boolean.TRUE.equals(p.get(name));
    }

    /** A number for a message: whole numbers without ".0", others with at most 6 significant digits. */
    static String num(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        if (!Double.isFinite(d)) {
            return Double.toString(d);
        }
        return new java.math.BigDecimal(d).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}

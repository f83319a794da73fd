package org.layercanvas.model.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.Edge;
import org.layercanvas.model.Metadata;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.Position;
import org.layercanvas.model.Split;
import org.layercanvas.model.TrainingSettings;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.ShapeInference;

/**
 * Times {@link ShapeInference#analyze} on generated graphs, as the editor runs it after every edit. Not a test:
 * run it with
 * <pre>
 * mvn -B -q -o -pl model test-compile exec:java -Dexec.mainClass=org.layercanvas.model.bench.ShapeInferenceBench \
 *     -Dexec.classpathScope=test
 * </pre>
 * Optional arguments: runs (default 2000), warm-up runs (default 2000).
 */
public final class ShapeInferenceBench {
    private static final ShapeInference INFERENCE = new ShapeInference(LayerCatalog.standard());

    private ShapeInferenceBench() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2000;

        NetworkDocument mixed = mixed200();
        NetworkDocument wide = dag500();
        describe("mixed-200", mixed);
        describe("dag-500", wide);
        Analysis check = INFERENCE.analyze(mixed);
        if (check.hasErrors()) {
            throw new IllegalStateException("the 200-node benchmark graph should be valid: " + check.errors());
        }

        // warm up both graphs and the edit path together so that the JIT sees all of them
        String dropoutId = firstOfType(mixed, LayerType.DROPOUT);
        for (int k = 0; k < warmup; k++) {
            INFERENCE.analyze(mixed);
            INFERENCE.analyze(wide);
            edit(mixed, dropoutId, k);
        }

        report("analyze mixed-200", time(runs, () -> INFERENCE.analyze(mixed)));
        report("analyze dag-500", time(runs, () -> INFERENCE.analyze(wide)));
        int[] counter = {0};
        report("edit+analyze mixed-200", time(runs, () -> edit(mixed, dropoutId, counter[0]++)));
        String wideDense = firstOfType(wide, LayerType.DROPOUT);
        report("edit+analyze dag-500", time(runs, () -> edit(wide, wideDense, counter[0]++)));

        // worst case for the cycle report: a wire from the second-to-last layer back into the first Add puts
        // almost every node on or behind a loop
        NetworkDocument looped = withBackEdge(wide);
        describe("dag-500+loop", looped);
        for (int k = 0; k < warmup / 4; k++) {
            INFERENCE.analyze(looped);
        }
        report("analyze dag-500+loop", time(runs / 4, () -> INFERENCE.analyze(looped)));
    }

    /** One edit as the editor makes it: change a parameter, replace the node, analyse the new document. */
    private static Analysis edit(NetworkDocument doc, String nodeId, int k) {
        Node node = doc.node(nodeId).orElseThrow();
        NetworkDocument changed = doc.withNode(node.withParam("rate", (k % 9 + 1) / 10.0));
        return INFERENCE.analyze(changed);
    }

    private static NetworkDocument withBackEdge(NetworkDocument doc) {
        String firstAdd = firstOfType(doc, LayerType.ADD);
        String nearEnd = doc.nodes().get(doc.nodes().size() - 2).id();
        List<Edge> edges = new ArrayList<>(doc.edges());
        edges.add(Edge.of(nearEnd, firstAdd));
        return doc.withEdges(edges);
    }

    private static String firstOfType(NetworkDocument doc, LayerType type) {
        return doc.nodes().stream().filter(n -> n.type() == type).findFirst().orElseThrow().id();
    }

    // ---- timing --------------------------------------------------------------------------------------------

    private static double[] time(int runs, Supplier<Analysis> task) {
        double[] ms = new double[runs];
        long sink = 0;
        for (int k = 0; k < runs; k++) {
            long t0 = System.nanoTime();
            Analysis a = task.get();
            ms[k] = (System.nanoTime() - t0) / 1e6;
            sink += a.totalParams();
        }
        if (sink == 42) {
            System.out.println("(unlikely)");
        }
        return ms;
    }

    private static void report(String label, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(ms).average().orElse(0);
        System.out.printf(Locale.ROOT, "%-24s runs=%d  mean=%.3f ms  p50=%.3f ms  p95=%.3f ms  max=%.3f ms%n",
                label, ms.length, mean, percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void describe(String label, NetworkDocument doc) {
        Analysis a = INFERENCE.analyze(doc);
        System.out.printf(Locale.ROOT, "%-10s nodes=%d edges=%d errors=%d warnings=%d totalParams=%d%n", label,
                doc.nodes().size(), doc.edges().size(), a.errors().size(),
                a.diagnostics().size() - a.errors().size(), a.totalParams());
    }

    // ---- graphs --------------------------------------------------------------------------------------------

    /** Builds a document node by node. */
    private static final class Builder {
        final List<Node> nodes = new ArrayList<>();
        final List<Edge> edges = new ArrayList<>();
        private int next;

        String add(LayerType type, List<String> inputs, Object... kv) {
            Map<String, Object> params = new LinkedHashMap<>();
            for (int k = 0; k < kv.length; k += 2) {
                params.put((String) kv[k], kv[k + 1]);
            }
            String id = type.jsonName().toLowerCase(Locale.ROOT) + next++;
            nodes.add(new Node(id, type, params, new Position(nodes.size() * 40.0, (nodes.size() % 7) * 60.0)));
            for (String in : inputs) {
                edges.add(Edge.of(in, id));
            }
            return id;
        }

        NetworkDocument doc(String title) {
            return new NetworkDocument(new Metadata(title, ""), nodes, edges,
                    new DatasetSpec("digits", Map.of(), Split.DEFAULT, 1), TrainingSettings.DEFAULT);
        }
    }

    /**
     * A valid 200-node network on digits (8x8x1 images): a conv stem, residual conv blocks and inception-like
     * concat blocks, global pooling, then residual Dense/Dropout/Activation blocks and concat blocks, then Output.
     */
    static NetworkDocument mixed200() {
        Builder b = new Builder();
        String x = b.add(LayerType.INPUT, List.of(), "kind", "image", "height", 8, "width", 8, "channels", 1);
        x = b.add(LayerType.CONV2D, List.of(x), "filters", 16, "padding", "same");
        for (int block = 0; block < 10; block++) {
            // residual: conv - bn - act - conv, added to the block input (5 nodes)
            String c1 = b.add(LayerType.CONV2D, List.of(x), "filters", 16, "padding", "same");
            String bn = b.add(LayerType.BATCH_NORM, List.of(c1));
            String act = b.add(LayerType.ACTIVATION, List.of(bn));
            String c2 = b.add(LayerType.CONV2D, List.of(act), "filters", 16, "padding", "same",
                    "activation", "identity");
            x = b.add(LayerType.ADD, List.of(c2, x));
            // inception-like: 3x3 and 1x1 branches joined on channels (3 nodes)
            String a3 = b.add(LayerType.CONV2D, List.of(x), "filters", 8, "padding", "same");
            String a1 = b.add(LayerType.CONV2D, List.of(x), "filters", 8, "kernel", 1);
            x = b.add(LayerType.CONCATENATE, List.of(a3, a1));
        }
        x = b.add(LayerType.GLOBAL_AVG_POOL, List.of(x));
        int denseBlocks = 0;
        while (b.nodes.size() < 200 - 1) {
            int left = 200 - 1 - b.nodes.size();
            if (left >= 4 && denseBlocks % 2 == 0 || left == 4) {
                // residual: dense - dropout - activation, added to the block input (4 nodes)
                String d = b.add(LayerType.DENSE, List.of(x), "units", 16, "activation", "identity");
                String drop = b.add(LayerType.DROPOUT, List.of(d), "rate", 0.1);
                String act = b.add(LayerType.ACTIVATION, List.of(drop), "function", "gelu");
                x = b.add(LayerType.ADD, List.of(act, x));
            } else if (left >= 3) {
                // two 8-unit branches joined back to 16 (3 nodes)
                String l = b.add(LayerType.DENSE, List.of(x), "units", 8);
                String r = b.add(LayerType.DENSE, List.of(x), "units", 8, "activation", "tanh");
                x = b.add(LayerType.CONCATENATE, List.of(l, r));
            } else {
                x = b.add(LayerType.DROPOUT, List.of(x));
            }
            denseBlocks++;
        }
        b.add(LayerType.OUTPUT, List.of(x), "units", 10);
        return b.doc("mixed-200");
    }

    /**
     * 500 nodes and 600 wires: Input(64), 397 single-input vector layers, 101 two-input Adds and an Output. Each
     * layer consumes the oldest output nobody uses yet, so there are no dead ends; Adds also take a random
     * earlier node, which gives a DAG with many long skip connections. All widths are 64 (digits' vector form),
     * so the graph is valid too.
     */
    static NetworkDocument dag500() {
        Random r = new Random(500);
        Builder b = new Builder();
        Deque<String> unused = new ArrayDeque<>();
        List<String> all = new ArrayList<>();
        String in = b.add(LayerType.INPUT, List.of(), "kind", "vector", "size", 64);
        unused.add(in);
        all.add(in);
        int adds = 101;
        int singles = 500 - 2 - adds;
        List<LayerType> order = new ArrayList<>();
        for (int k = 0; k < adds; k++) {
            order.add(LayerType.ADD);
        }
        LayerType[] single = {LayerType.DENSE, LayerType.DROPOUT, LayerType.ACTIVATION, LayerType.BATCH_NORM,
                LayerType.LAYER_NORM};
        for (int k = 0; k < singles; k++) {
            order.add(single[k % single.length]);
        }
        java.util.Collections.shuffle(order, r);
        for (LayerType type : order) {
            String first = unused.isEmpty() ? all.get(r.nextInt(all.size())) : unused.poll();
            String id;
            if (type == LayerType.ADD) {
                String second = !unused.isEmpty() ? unused.poll() : pickOther(all, first, r);
                id = b.add(type, List.of(first, second));
            } else if (type == LayerType.DENSE) {
                id = b.add(type, List.of(first), "units", 64);
            } else {
                id = b.add(type, List.of(first));
            }
            unused.add(id);
            all.add(id);
        }
        // the Output consumes the last unused output (there is exactly one left)
        String last = all.get(all.size() - 1);
        b.add(LayerType.OUTPUT, List.of(unused.isEmpty() ? last : unused.poll()), "units", 10);
        return b.doc("dag-500");
    }

    private static String pickOther(List<String> all, String not, Random r) {
        String s;
        do {
            s = all.get(r.nextInt(all.size()));
        } while (s.equals(not) && all.size() > 1);
        return s;
    }
}

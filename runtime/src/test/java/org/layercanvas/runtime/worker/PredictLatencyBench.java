package org.layercanvas.runtime.worker;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.runtime.device.DeviceRequest;
import org.layercanvas.runtime.train.TrainingEvent;
import org.layercanvas.samples.Samples;

/**
 * How long the playground waits for an answer: a worker process trains a sample for one epoch, then answers
 * {@code predict} requests one at a time as the playground sends them (one drawn row as intensities, or one typed
 * sentence for a network on words, through the protocol and back), and for a network on pictures {@code inspect}
 * requests (a test image, then a drawn row, each with its Conv2D filters and feature maps). Prints percentiles; not a
 * test. {@code scripts/bench runtime
 * org.layercanvas.runtime.worker.PredictLatencyBench [sample ...]} (default: digits-mlp, xor-2d, resnet-mini, sentiment-lstm-keras).
 */
public final class PredictLatencyBench {
    private PredictLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> samples = args.length > 0 ? List.of(args) : List.of("digits-mlp", "xor-2d", "resnet-mini", "sentiment-lstm-keras");
        for (String name : samples) {
            NetworkDocument doc = DocumentJson.read(Samples.text(name).orElseThrow(), name);
            doc = doc.withTraining(doc.training().withEpochs(1));
            CompletableFuture<Void> evaluated = new CompletableFuture<>();
            try (WorkerClient client = new WorkerClient(WorkerMain.class.getName(), List.of("-Xmx1g"), m -> {
                if (m instanceof WorkerProtocol.Event e && e.event() instanceof TrainingEvent.Evaluation) {
                    evaluated.complete(null);
                }
            })) {
                client.start(doc, DeviceRequest.CPU, 1);
                evaluated.get(300, TimeUnit.SECONDS);
                org.layercanvas.model.shape.TensorShape shape = new org.layercanvas.model.shape.ShapeInference(
                        org.layercanvas.model.layers.LayerCatalog.standard()).analyze(doc).inputShape(doc)
                        .orElseThrow();
                boolean text = shape.kind() == org.layercanvas.model.shape.TensorShape.Kind.TOKENS;
                int features = (int) shape.size();
                Random random = new Random(1);
                double[] ms = new double[300];
                for (int i = -50; i < ms.length; i++) {
                    double[] row = new double[features];
                    for (int k = 0; k < features; k++) {
                        row[k] = random.nextDouble();
                    }
                    long start = System.nanoTime();
                    (text ? client.predictTexts(List.of("a sentence typed into the playground, number " + i))
                            : client.predict(new double[][] {row}, true)).get(10, TimeUnit.SECONDS);
                    if (i >= 0) {
                        ms[i] = (System.nanoTime() - start) / 1e6;
                    }
                }
                report(name, features, "prediction", ms);
                if (shape.kind() == org.layercanvas.model.shape.TensorShape.Kind.IMAGE || !text && features >= 64) {
                    inspections(client, name, features, random);
                }
            }
        }
    }

    /** The picker's question (a test image with its Conv2D maps) and the draw pad's (a drawn row with its maps). */
    private static void inspections(WorkerClient client, String name, int features, Random random) throws Exception {
        double[] picked = new double[300];
        double[] drawn = new double[300];
        for (int i = -50; i < picked.length; i++) {
            long start = System.nanoTime();
            client.inspect(random.nextInt(Integer.MAX_VALUE), null, true).get(10, TimeUnit.SECONDS);
            long mid = System.nanoTime();
            double[] row = new double[features];
            for (int k = 0; k < features; k++) {
                row[k] = random.nextDouble();
            }
            client.inspect(-1, row, true).get(10, TimeUnit.SECONDS);
            if (i >= 0) {
                picked[i] = (mid - start) / 1e6;
                drawn[i] = (System.nanoTime() - mid) / 1e6;
            }
        }
        report(name, features, "test image + maps", picked);
        report(name, features, "drawing + maps", drawn);
    }

    private static void report(String name, int features, String what, double[] ms) {
        Arrays.sort(ms);
        System.out.printf("%-12s %5d inputs: one %s round trip p50 %.2f ms, p95 %.2f ms, max %.2f ms%n", name,
                features, what, ms[ms.length / 2], ms[ms.length * 95 / 100], ms[ms.length - 1]);
    }
}

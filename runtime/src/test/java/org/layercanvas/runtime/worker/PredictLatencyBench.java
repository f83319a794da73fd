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
 * sentence for a network on words, through the protocol and back). Prints percentiles; not a test. {@code scripts/bench runtime
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
                Arrays.sort(ms);
                System.out.printf("%-12s %5d inputs: one prediction round trip p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
                        name, features, ms[ms.length / 2], ms[ms.length * 95 / 100], ms[ms.length - 1]);
            }
        }
    }
}

package org.layercanvas.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.runtime.compile.GraphCompiler;
import org.layercanvas.runtime.data.Minibatch;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Step mode's health numbers: checked against the same quantities computed by hand with ND4J on a fixed network,
 * the verdicts on networks made sick on purpose, and the step handshake of a training session.
 */
class NetworkHealthTest {
    private static final int N = 5;
    private static final int IN = 4;
    private static final int HIDDEN = 6;
    private static final int CLASSES = 3;

    private static NetworkDocument mlp(String activation) throws Exception {
        return DocumentJson.read("""
                {"formatVersion": 1, "metadata": {"title": "health test"},
                 "nodes": [
                  {"id": "input", "type": "Input", "params": {"kind": "vector", "size": 4}, "position": {"x": 0, "y": 0}},
                  {"id": "hidden", "type": "Dense", "params": {"units": 6, "activation": "%s"},
                   "position": {"x": 0, "y": 100}},
                  {"id": "output", "type": "Output", "params": {"units": 3, "loss": "softmax_ce"},
                   "position": {"x": 0, "y": 200}}],
                 "edges": [
                  {"from": {"node": "input", "port": "out"}, "to": {"node": "hidden", "port": "in"}},
                  {"from": {"node": "hidden", "port": "out"}, "to": {"node": "output", "port": "in"}}],
                 "training": {"optimizer": "sgd", "learningRate": 0.1, "batchSize": 5, "epochs": 1,
                              "weightDecay": 0.0, "seed": 3}}
                """.formatted(activation), "health-test");
    }

    private static ComputationGraph graph(NetworkDocument doc) throws Exception {
        ComputationGraph g = new ComputationGraph(new GraphCompiler(LayerCatalog.standard()).compile(doc)
                .configuration());
        g.init();
        return g;
    }

    private static Minibatch batch() {
        float[] x = new float[N * IN];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(i * 1.7) * 2;
        }
        float[] y = new float[N * CLASSES];
        for (int i = 0; i < N; i++) {
            y[i * CLASSES + i % CLASSES] = 1;
        }
        return Minibatch.of(x, new long[] {N, IN}, y, CLASSES);
    }

    @Test
    void statisticsEqualWhatNd4jComputesByHandOnAFixedNetwork() throws Exception {
        ComputationGraph g = graph(mlp("relu"));
        Nd4j.getRandom().setSeed(11);
        g.setParams(Nd4j.rand(DataType.FLOAT, 1, g.numParams()).subi(0.5));
        // two hidden units can never fire: they are dead for every example
        INDArray b1 = g.getParam("hidden_b");
        b1.putScalar(0, -100);
        b1.putScalar(3, -100);
        Minibatch batch = batch();
        INDArray x = batch.dataSet().getFeatures();
        INDArray y = batch.dataSet().getLabels();
        INDArray w1 = g.getParam("hidden_W").dup();
        INDArray w2 = g.getParam("output_W").dup();
        INDArray b2 = g.getParam("output_b").dup();

        // by hand: forward, cross-entropy, backward
        INDArray z1 = x.mmul(w1).addRowVector(g.getParam("hidden_b"));
        INDArray h = Transforms.relu(z1, true);
        INDArray p = Transforms.softmax(h.mmul(w2).addRowVector(b2), true);
        double loss = -Transforms.log(p, true).mul(y).sumNumber().doubleValue() / N;
        INDArray dz2 = p.sub(y).divi(N);
        INDArray gw2 = h.transpose().mmul(dz2);
        INDArray gb2 = dz2.sum(0);
        INDArray dz1 = dz2.mmul(w2.transpose()).muli(z1.gt(0).castTo(DataType.FLOAT));
        INDArray gw1 = x.transpose().mmul(dz1);
        INDArray gb1 = dz1.sum(0);

        TrainingEvent.Health health = NetworkHealth.measure(g, "output", batch, 1, 7);
        assertThat(health.iteration()).isEqualTo(7);
        assertThat(health.loss()).isCloseTo(loss, within(1e-5));
        assertThat(health.layers()).extracting(TrainingEvent.LayerHealth::layer).containsExactly("hidden", "output");
        TrainingEvent.LayerHealth hidden = health.layers().get(0);
        TrainingEvent.LayerHealth output = health.layers().get(1);
        assertThat(hidden.activationMean()).isCloseTo(h.meanNumber().doubleValue(), within(1e-5));
        assertThat(hidden.activationStd()).isCloseTo(h.std(false, 0, 1).getDouble(0), within(1e-5));
        assertThat(hidden.deadFraction()).as("h = %s", h).isEqualTo(2.0 / HIDDEN);
        assertThat(hidden.saturatedFraction()).isZero(); // relu does not saturate
        assertThat(hidden.gradientNorm()).isCloseTo(norm(gw1, gb1), within(1e-5));
        assertThat(hidden.weightNorm()).isCloseTo(norm(w1, g.getParam("hidden_b")), within(1e-4));
        assertThat(output.activationMean()).isCloseTo(1.0 / CLASSES, within(1e-6)); // softmax rows sum to 1
        assertThat(output.activationStd()).isCloseTo(p.std(false, 0, 1).getDouble(0), within(1e-5));
        assertThat(output.gradientNorm()).isCloseTo(norm(gw2, gb2), within(1e-5));
        assertThat(health.layers()).allMatch(l -> l.verdict() == HealthVerdict.OK);
        // measuring changes nothing
        assertThat(g.getParam("hidden_W")).isEqualTo(w1);
    }

    private static double norm(INDArray... arrays) {
        double sum = 0;
        for (INDArray a : arrays) {
            double n = a.norm2Number().doubleValue();
            sum += n * n;
        }
        return Math.sqrt(sum);
    }

    @Test
    void deadAndSaturatedLayersAreCalledSo() throws Exception {
        ComputationGraph relu = graph(mlp("relu"));
        relu.getParam("hidden_b").assign(-100);
        TrainingEvent.LayerHealth dead = NetworkHealth.measure(relu, "output", batch(), 1, 1).layers().get(0);
        assertThat(dead.deadFraction()).isEqualTo(1.0);
        assertThat(dead.verdict()).isEqualTo(HealthVerdict.DEAD);

        ComputationGraph tanh = graph(mlp("tanh"));
        tanh.getParam("hidden_W").muli(1000);
        TrainingEvent.LayerHealth stuck = NetworkHealth.measure(tanh, "output", batch(), 1, 1).layers().get(0);
        assertThat(stuck.saturatedFraction()).isGreaterThan(0.9);
        assertThat(stuck.verdict()).isEqualTo(HealthVerdict.SATURATED);

        ComputationGraph sigmoid = graph(mlp("sigmoid"));
        TrainingEvent.LayerHealth fine = NetworkHealth.measure(sigmoid, "output", batch(), 1, 1).layers().get(0);
        assertThat(fine.saturatedFraction()).isLessThan(0.5);
        assertThat(fine.activationMean()).isBetween(0.0, 1.0);
    }

    @Test
    void gradientVerdictsFollowTheirThresholds() {
        NetworkHealth.Output calm = new NetworkHealth.Output(0.2, 0.5, 0, 0, true);
        assertThat(NetworkHealth.verdict(calm, 0.5, 0.5)).isEqualTo(HealthVerdict.OK);
        assertThat(NetworkHealth.verdict(calm, Double.NaN, 0.5)).as("no parameters").isEqualTo(HealthVerdict.OK);
        assertThat(NetworkHealth.verdict(calm, 150, 150)).isEqualTo(HealthVerdict.EXPLODING);
        assertThat(NetworkHealth.verdict(calm, 1e-5, 0.5)).isEqualTo(HealthVerdict.VANISHING);
        assertThat(NetworkHealth.verdict(calm, 1e-3, 0.5)).isEqualTo(HealthVerdict.OK);
        assertThat(NetworkHealth.verdict(calm, Double.POSITIVE_INFINITY, 1)).isEqualTo(HealthVerdict.NOT_FINITE);
        NetworkHealth.Output broken = new NetworkHealth.Output(Double.NaN, Double.NaN, 0, 0, false);
        assertThat(NetworkHealth.verdict(broken, 0.5, 0.5)).isEqualTo(HealthVerdict.NOT_FINITE);
        NetworkHealth.Output dead = new NetworkHealth.Output(0, 0, 0.75, 0, true);
        assertThat(NetworkHealth.verdict(dead, 150, 150)).as("exploding is worse").isEqualTo(HealthVerdict.EXPLODING);
        assertThat(NetworkHealth.verdict(dead, 0.5, 0.5)).isEqualTo(HealthVerdict.DEAD);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aStepLearnsFromOneMinibatchReportsItsHealthAndPausesAgain() throws Exception {
        NetworkDocument base = SampleTrainingTest.sample("xor-2d");
        NetworkDocument doc = base.withTraining(base.training().withEpochs(1000));
        List<TrainingEvent> events = Collections.synchronizedList(new ArrayList<>());
        TrainingSession session = new TrainingSession(doc, new TrainingSession.Options("cpu", 1), events::add);
        session.step(); // before the first minibatch: pauses
        CompletableFuture<TrainingSession.Result> future = session.start();
        waitFor(events, 1, TrainingEvent.Paused.class);
        assertThat(count(events, TrainingEvent.Iteration.class)).isZero();

        for (int step = 1; step <= 3; step++) {
            int before = events.size();
            session.step();
            waitFor(events, step + 1, TrainingEvent.Paused.class);
            List<TrainingEvent> added;
            synchronized (events) {
                added = new ArrayList<>(events.subList(before, events.size()));
            }
            assertThat(added).extracting(e -> e.getClass().getSimpleName())
                    .as("step %d", step).containsExactly("Health", "Iteration", "Paused");
            TrainingEvent.Health health = (TrainingEvent.Health) added.get(0);
            TrainingEvent.Iteration it = (TrainingEvent.Iteration) added.get(1);
            assertThat(health.iteration()).isEqualTo(step).isEqualTo(it.iteration());
            // both losses are of the same minibatch before the step learns from it
            assertThat(health.loss()).isCloseTo(it.loss(), within(1e-4 * Math.max(1, it.loss())));
            assertThat(health.layers()).extracting(TrainingEvent.LayerHealth::layer)
                    .containsExactly("hidden1", "hidden2", "output");
            assertThat(health.layers()).allMatch(l -> Double.isFinite(l.gradientNorm()) && l.gradientNorm() > 0);
        }
        assertThat(count(events, TrainingEvent.Resumed.class)).as("a step is not a resume").isZero();
        session.resume();
        waitFor(events, 10, TrainingEvent.Iteration.class);
        assertThat(count(events, TrainingEvent.Health.class)).as("no health outside steps").isEqualTo(3);
        session.requestStop();
        assertThat(future.get(30, TimeUnit.SECONDS).succeeded()).isTrue();
    }

    private static long count(List<TrainingEvent> events, Class<?> type) {
        synchronized (events) {
            return events.stream().filter(type::isInstance).count();
        }
    }

    private static void waitFor(List<TrainingEvent> events, int n, Class<?> type) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count(events, type) < n) {
            assertThat(System.nanoTime()).as("waiting for %d %s after %s", n, type.getSimpleName(), events)
                    .isLessThan(end);
            Thread.sleep(5);
        }
    }
}

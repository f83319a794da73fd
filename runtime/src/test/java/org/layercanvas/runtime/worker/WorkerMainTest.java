package org.layercanvas.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.runtime.cli.LayerCanvasCli;
import org.layercanvas.runtime.train.EndReason;
import org.layercanvas.runtime.train.ModelFiles;
import org.layercanvas.runtime.train.Planes;
import org.layercanvas.runtime.train.TrainingEvent;
import org.layercanvas.runtime.worker.WorkerProtocol.Message;
import org.nd4j.linalg.factory.Nd4j;

/** {@link WorkerMain} driven in this JVM through in-memory streams. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkerMainTest {
    @TempDir
    Path dir;

    private Worker worker;

    /** A worker on a thread of its own, fed line by line, its output lines queued. */
    static final class Worker implements AutoCloseable {
        final LineInput in = new LineInput();
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<Message> seen = new ArrayList<>();
        final CompletableFuture<Integer> exit = new CompletableFuture<>();

        Worker() {
            PrintStream out = new PrintStream(new LineOutput(lines), true, StandardCharsets.UTF_8);
            Thread t = new Thread(() -> exit.complete(WorkerMain.run(in, out)), "test-worker");
            t.setDaemon(true);
            t.start();
        }

        void send(WorkerProtocol.Command c) {
            in.send(WorkerProtocol.toLine(c));
        }

        /** The next message; every line the worker writes must be a protocol line. */
        Message next() throws Exception {
            String line = lines.poll(30, TimeUnit.SECONDS);
            assertThat(line).as("a line from the worker within 30 s").isNotNull();
            Message m = WorkerProtocol.parseMessage(line);
            assertThat(m).isNotInstanceOf(WorkerProtocol.Unknown.class);
            seen.add(m);
            return m;
        }

        /** Reads up to and including the first message that matches. */
        Message until(Predicate<Message> p) throws Exception {
            while (true) {
                Message m = next();
                if (p.test(m)) {
                    return m;
                }
            }
        }

        <T extends TrainingEvent> T untilEvent(Class<T> type) throws Exception {
            return type.cast(((WorkerProtocol.Event) until(m -> m instanceof WorkerProtocol.Event e
                    && type.isInstance(e.event()))).event());
        }

        @Override
        public void close() throws Exception {
            in.close();
            exit.get(40, TimeUnit.SECONDS);
        }
    }

    /** An input stream fed with lines from the test; {@link #close()} ends it. */
    static final class LineInput extends InputStream {
        private static final byte[] EOF = new byte[0];
        private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
        private byte[] current;
        private int pos;

        void send(String line) {
            chunks.add((line + "\n").getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            chunks.add(EOF);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (current == null || pos == current.length) {
                try {
                    current = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
                pos = 0;
                if (current == EOF) {
                    chunks.add(EOF);
                    return -1;
                }
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    /** Collects written bytes into lines. */
    static final class LineOutput extends OutputStream {
        private final BlockingQueue<String> lines;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        LineOutput(BlockingQueue<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(buffer.toString(StandardCharsets.UTF_8));
                buffer.reset();
            } else {
                buffer.write(b);
            }
        }
    }

    @AfterEach
    void stopWorker() throws Exception {
        if (worker != null) {
            worker.close();
        }
    }

    static NetworkDocument xor(int epochs) throws Exception {
        NetworkDocument doc = WorkerProtocolTest.xor();
        return doc.withTraining(doc.training().withEpochs(epochs));
    }

    @Test
    void aShortRunReportsInOrderThenAnswersPredictAndSave() throws Exception {
        worker = new Worker();
        WorkerProtocol.Hello hello = (WorkerProtocol.Hello) worker.next();
        assertThat(hello.protocol()).isEqualTo(1);
        assertThat(hello.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(hello.javaVersion()).isEqualTo(System.getProperty("java.version"));

        worker.send(WorkerProtocol.Train.of(xor(3), "cpu", 0));
        List<TrainingEvent> events = new ArrayList<>();
        TrainingEvent last;
        do {
            Message m = worker.next();
            assertThat(m).isInstanceOf(WorkerProtocol.Event.class);
            last = ((WorkerProtocol.Event) m).event();
            events.add(last);
        } while (!(last instanceof TrainingEvent.Evaluation));

        assertThat(events.get(0)).isInstanceOf(TrainingEvent.Started.class);
        TrainingEvent.Finished finished = (TrainingEvent.Finished) events.get(events.size() - 2);
        assertThat(finished.endReason()).isEqualTo(EndReason.COMPLETED);
        assertThat(finished.epochsCompleted()).isEqualTo(3);
        List<TrainingEvent> all = events.subList(1, events.size() - 2);
        // The app asks for the decision boundary of this 2-D classifier: one before the first minibatch, one for
        // the trained model after the last epoch's histograms, and more at most every 250 ms.
        assertThat(all.get(0)).isInstanceOf(TrainingEvent.Boundary.class);
        assertThat(all.get(all.size() - 1)).isInstanceOf(TrainingEvent.Boundary.class);
        assertThat(all.get(all.size() - 2)).isInstanceOf(TrainingEvent.Histograms.class);
        List<TrainingEvent> middle = all.stream().filter(e -> !(e instanceof TrainingEvent.Boundary)).toList();
        assertThat(middle).allMatch(e -> e instanceof TrainingEvent.Iteration || e instanceof TrainingEvent.Epoch
                || e instanceof TrainingEvent.Histograms);
        // 350 training examples in minibatches of 16: 22 iterations, an epoch and its histograms, three times
        assertThat(middle).hasSize(3 * 24);
        assertThat(middle.get(22)).isInstanceOf(TrainingEvent.Epoch.class);
        assertThat(middle.get(23)).isInstanceOf(TrainingEvent.Histograms.class);
        TrainingEvent.Evaluation evaluation = (TrainingEvent.Evaluation) last;
        assertThat(evaluation.total()).isEqualTo(100);
        assertThat(evaluation.testAccuracy()).isEqualTo(finished.testAccuracy());

        // the worker stays for predict and save
        double[][] inputs = {{0.9, 0.8}, {-0.9, 0.8}, {0.9, -0.7}, {-0.5, -0.6}, {0, 0}};
        worker.send(new WorkerProtocol.Predict(41, inputs));
        WorkerProtocol.Prediction p = (WorkerProtocol.Prediction) worker.next();
        assertThat(p.requestId()).isEqualTo(41);
        assertThat(p.outputs()).hasDimensions(5, 1);

        Path file = dir.resolve("xor.zip");
        worker.send(new WorkerProtocol.Save(file.toString(), 42L));
        WorkerProtocol.Saved saved = (WorkerProtocol.Saved) worker.next();
        assertThat(saved.requestId()).isEqualTo(42L);
        assertThat(Path.of(saved.path())).isEqualTo(file.toAbsolutePath());
        ComputationGraph loaded = ModelFiles.load(file);
        double[][] own = loaded.outputSingle(Nd4j.create(inputs).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT))
                .castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).toDoubleMatrix();
        for (int i = 0; i < inputs.length; i++) {
            assertThat(p.outputs()[i][0]).as("output %d", i).isCloseTo(own[i][0], within(1e-6));
            assertThat(p.outputs()[i][0]).isBetween(0.0, 1.0);
        }

        // an empty request and a request of the wrong width
        worker.send(new WorkerProtocol.Predict(43, new double[0][]));
        assertThat(((WorkerProtocol.Prediction) worker.next()).outputs()).isEmpty();
        worker.send(new WorkerProtocol.Predict(44, new double[][] {{1, 2, 3}}));
        WorkerProtocol.Error wrong = (WorkerProtocol.Error) worker.next();
        assertThat(wrong.requestId()).isEqualTo(44L);
        assertThat(wrong.message()).contains("must have 2 values").contains("row 0 has 3");

        worker.send(new WorkerProtocol.Shutdown());
        assertThat(worker.next()).isEqualTo(new WorkerProtocol.Bye());
        assertThat(worker.exit.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(worker.lines).isEmpty();
        worker = null;
    }

    @Test
    void pauseResumeAndStopCommands() throws Exception {
        worker = new Worker();
        worker.next();
        worker.send(WorkerProtocol.Train.of(xor(100_000), "cpu", 0));
        worker.until(m -> m instanceof WorkerProtocol.Event e && e.event() instanceof TrainingEvent.Iteration it
                && it.iteration() == 5);

        // while training, the model cannot be used
        worker.send(new WorkerProtocol.Predict(1, new double[][] {{0, 0}}));
        WorkerProtocol.Error busy = (WorkerProtocol.Error) worker.until(WorkerProtocol.Error.class::isInstance);
        assertThat(busy.requestId()).isEqualTo(1L);
        assertThat(busy.message()).contains("training");

        worker.send(new WorkerProtocol.Pause());
        TrainingEvent.Paused paused = worker.untilEvent(TrainingEvent.Paused.class);
        // nothing more arrives while paused, and the paused model answers
        Thread.sleep(300);
        assertThat(worker.lines).isEmpty();
        worker.send(new WorkerProtocol.Predict(2, new double[][] {{0.5, 0.5}, {0.5, -0.5}}));
        WorkerProtocol.Prediction p = (WorkerProtocol.Prediction) worker.next();
        assertThat(p.outputs()).hasDimensions(2, 1);
        Path file = dir.resolve("paused.zip");
        worker.send(new WorkerProtocol.Save(file.toString(), null));
        assertThat(worker.next()).isInstanceOf(WorkerProtocol.Saved.class);
        assertThat(ModelFiles.load(file).numParams()).isEqualTo(2 * 8 + 8 + 8 * 8 + 8 + 8 + 1);

        worker.send(new WorkerProtocol.Resume());
        TrainingEvent.Resumed resumed = (TrainingEvent.Resumed) ((WorkerProtocol.Event) worker.next()).event();
        assertThat(resumed.iteration()).isEqualTo(paused.iteration());
        TrainingEvent next = ((WorkerProtocol.Event) worker.next()).event();
        assertThat(next).isInstanceOf(TrainingEvent.Iteration.class);
        assertThat(((TrainingEvent.Iteration) next).iteration()).isEqualTo(paused.iteration() + 1);

        worker.send(new WorkerProtocol.Stop());
        TrainingEvent.Finished finished = worker.untilEvent(TrainingEvent.Finished.class);
        assertThat(finished.endReason()).isEqualTo(EndReason.STOPPED);
        TrainingEvent after = ((WorkerProtocol.Event) worker.next()).event();
        assertThat(after).isInstanceOf(TrainingEvent.Evaluation.class);
        // once over, the run takes no more control commands
        worker.send(new WorkerProtocol.Pause());
        assertThat(((WorkerProtocol.Error) worker.next()).message()).isEqualTo("pause: no run is in progress");
    }

    @Test
    void badCommandsGetAnErrorAndTheWorkerGoesOn() throws Exception {
        worker = new Worker();
        worker.next();
        worker.in.send("this is not JSON");
        assertThat(((WorkerProtocol.Error) worker.next()).message()).startsWith("malformed JSON");
        worker.in.send("{\"type\":\"dance\"}");
        assertThat(((WorkerProtocol.Error) worker.next()).message()).startsWith("unknown command 'dance'");
        worker.in.send("");
        worker.in.send("{\"type\":\"train\",\"protocol\":2,\"document\":{}}");
        assertThat(((WorkerProtocol.Error) worker.next()).message()).contains("protocol 2 is not supported");
        worker.in.send("{\"type\":\"train\",\"protocol\":1,\"document\":{\"formatVersion\":1}}");
        assertThat(((WorkerProtocol.Error) worker.next()).message()).startsWith("train: ");
        worker.send(new WorkerProtocol.Predict(5, new double[][] {{1, 2}}));
        WorkerProtocol.Error noModel = (WorkerProtocol.Error) worker.next();
        assertThat(noModel.requestId()).isEqualTo(5L);
        assertThat(noModel.message()).contains("no model");
        worker.send(new WorkerProtocol.Stop());
        assertThat(((WorkerProtocol.Error) worker.next()).message()).isEqualTo("stop: no run is in progress");

        // still working: a short run goes through, and a second train while it runs is refused
        worker.send(WorkerProtocol.Train.of(xor(100_000), "cpu", 0));
        worker.send(WorkerProtocol.Train.of(xor(1), "cpu", 0));
        WorkerProtocol.Error twice = (WorkerProtocol.Error) worker.until(WorkerProtocol.Error.class::isInstance);
        assertThat(twice.message()).contains("already in progress");
        worker.send(new WorkerProtocol.Stop());
        worker.untilEvent(TrainingEvent.Evaluation.class);
        assertThat(worker.seen).noneMatch(m -> m instanceof WorkerProtocol.Event e
                && e.event() instanceof TrainingEvent.Failed);

        // end of input ends the worker politely
        worker.in.close();
        assertThat(worker.next()).isEqualTo(new WorkerProtocol.Bye());
        assertThat(worker.exit.get(10, TimeUnit.SECONDS)).isZero();
        worker = null;
    }

    @Test
    void shutdownDuringARunStopsItAndSaysBye() throws Exception {
        worker = new Worker();
        worker.next();
        worker.send(WorkerProtocol.Train.of(xor(100_000), "cpu", 0));
        worker.untilEvent(TrainingEvent.Iteration.class);
        worker.send(new WorkerProtocol.Shutdown());
        worker.until(WorkerProtocol.Bye.class::isInstance);
        assertThat(worker.exit.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(worker.seen).anyMatch(m -> m instanceof WorkerProtocol.Event e
                && e.event() instanceof TrainingEvent.Finished f && f.endReason() == EndReason.STOPPED);
        worker = null;
    }

    @Test
    void theWorkerCommandIsHiddenFromHelp() {
        StringWriter out = new StringWriter();
        int exit = LayerCanvasCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help");
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("train").doesNotContain("worker");
    }

    @Test
    void predictionsHaveOneRowPerInputForImageInputsToo() throws Exception {
        // The digits MLP takes 64 values per row; its outputs are ten class probabilities.
        NetworkDocument digits = org.layercanvas.model.io.DocumentJson.read(
                org.layercanvas.samples.Samples.text("digits-mlp").orElseThrow(), "digits-mlp");
        worker = new Worker();
        worker.next();
        worker.send(WorkerProtocol.Train.of(digits.withTraining(digits.training().withEpochs(1)), "cpu", 0));
        worker.untilEvent(TrainingEvent.Evaluation.class);
        double[][] inputs = new double[3][64];
        inputs[1][10] = 16;
        worker.send(new WorkerProtocol.Predict(9, inputs));
        WorkerProtocol.Prediction p = (WorkerProtocol.Prediction) worker.next();
        assertThat(p.outputs()).hasDimensions(3, 10);
        for (double[] row : p.outputs()) {
            assertThat(java.util.Arrays.stream(row).sum()).isCloseTo(1.0, within(1e-4));
        }
        assertThat(Files.exists(dir)).isTrue();
    }

    @Test
    void sentencesAreEncodedWithTheRunsVocabularyAndAnswered() throws Exception {
        worker = new Worker();
        worker.next();
        NetworkDocument doc = org.layercanvas.model.io.DocumentJson.read(
                org.layercanvas.samples.Samples.text("sentiment-lstm-keras").orElseThrow(), "sentiment-lstm-keras");
        worker.send(WorkerProtocol.Train.of(doc.withTraining(doc.training().withEpochs(2)), "cpu", 1));
        worker.untilEvent(TrainingEvent.Evaluation.class);

        worker.send(WorkerProtocol.Predict.texts(21, List.of("a wonderful, moving film", "这部电影太无聊了",
                "words it never saw: zyxwv qwerty")));
        WorkerProtocol.Prediction p = (WorkerProtocol.Prediction) worker.until(m -> m instanceof WorkerProtocol.Prediction
                || m instanceof WorkerProtocol.Error);
        assertThat(p.requestId()).isEqualTo(21);
        assertThat(p.outputs()).hasNumberOfRows(3);
        for (double[] row : p.outputs()) {
            assertThat(row).hasSize(1); // one sigmoid unit: the probability of "positive"
            assertThat(row[0]).isBetween(0.0, 1.0);
        }

        // Drawn intensities make no sense for word tokens: refused, not answered with nonsense.
        worker.send(new WorkerProtocol.Predict(23, new double[][] {new double[40]}, true));
        WorkerProtocol.Error refused = (WorkerProtocol.Error) worker.until(m -> m instanceof WorkerProtocol.Error);
        assertThat(refused.requestId()).isEqualTo(23L);
        assertThat(refused.message()).contains("takes texts");

        // A network that does not read tokens says so.
        worker.send(WorkerProtocol.Train.of(xor(1), "cpu", 1));
        worker.untilEvent(TrainingEvent.Evaluation.class);
        worker.send(WorkerProtocol.Predict.texts(22, List.of("hello")));
        WorkerProtocol.Error e = (WorkerProtocol.Error) worker.until(m -> m instanceof WorkerProtocol.Error);
        assertThat(e.requestId()).isEqualTo(22L);
        assertThat(e.message()).contains("does not read word tokens");
    }

    @Test
    void aTestImagesFeatureMapsAndFiltersAreWhatDl4jComputesForIt() throws Exception {
        NetworkDocument doc = org.layercanvas.model.io.DocumentJson.read(
                org.layercanvas.samples.Samples.text("resnet-mini").orElseThrow(), "resnet-mini");
        doc = doc.withTraining(doc.training().withEpochs(1));
        worker = new Worker();
        worker.next();
        worker.send(WorkerProtocol.Train.of(doc, "cpu", 1));
        worker.untilEvent(TrainingEvent.Evaluation.class);
        worker.send(new WorkerProtocol.Inspect(31, 1005, null, true));
        WorkerProtocol.Inspection seen = (WorkerProtocol.Inspection) worker.until(
                m -> m instanceof WorkerProtocol.Inspection || m instanceof WorkerProtocol.Error);
        Path file = dir.resolve("resnet.zip");
        worker.send(new WorkerProtocol.Save(file.toString(), 32L));
        worker.until(m -> m instanceof WorkerProtocol.Saved);

        // The same test example, model and forward pass in this process.
        org.layercanvas.runtime.data.BatchSource test = org.layercanvas.runtime.train.TrainingSession.testSplit(doc,
                org.layercanvas.runtime.data.DataContext.offline());
        int index = 1005 % test.size();
        assertThat(seen.testIndex()).isEqualTo(index);
        assertThat(seen.testSize()).isEqualTo(test.size());
        assertThat(seen.label()).isEqualTo(test.label(index));
        assertThat(seen.picture().planes()[0]).containsExactly(test.intensities(index));
        assertThat(seen.picture().height()).isEqualTo(8);
        assertThat(java.util.Arrays.stream(seen.outputs()).sum()).isCloseTo(1.0, within(1e-4));
        float[] features = new float[test.featureCount()];
        test.features(index, features, 0);
        ComputationGraph model = ModelFiles.load(file);
        java.util.Map<String, org.nd4j.linalg.api.ndarray.INDArray> acts = model.feedForward(
                org.layercanvas.runtime.train.Tensors.features(new org.layercanvas.runtime.data.Examples(
                        new float[][] {features}, new int[1], List.of()), org.layercanvas.model.shape.TensorShape.image(
                        8, 8, 1), org.nd4j.linalg.api.buffer.DataType.FLOAT), false);

        assertThat(seen.maps()).extracting(Planes::layer).containsExactly("stem", "block1a", "block1b", "block2a",
                "block2b");
        for (Planes maps : seen.maps()) {
            org.nd4j.linalg.api.ndarray.INDArray a = acts.get(maps.layer());
            assertThat(maps.total()).isEqualTo(a.size(1));
            assertThat(maps.planes()).hasNumberOfRows(Math.min(16, (int) a.size(1)));
            for (int k = 0; k < maps.planes().length; k++) {
                for (int r = 0; r < maps.height(); r++) {
                    for (int c = 0; c < maps.width(); c++) {
                        assertThat(maps.at(k, r, c, 0)).as("%s map %d at (%d, %d)", maps.layer(), k, r, c)
                                .isEqualTo(a.getFloat(0, k, r, c));
                    }
                }
            }
        }
        org.nd4j.linalg.api.ndarray.INDArray w = model.getLayer("stem").getParam("W");
        Planes filters = seen.filters();
        assertThat(filters.layer()).isEqualTo("stem");
        assertThat(filters.planes()).hasNumberOfRows((int) w.size(0));
        for (int f = 0; f < filters.planes().length; f++) {
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    assertThat(filters.at(f, r, c, 0)).isEqualTo(w.getFloat(f, 0, r, c));
                }
            }
        }

        // The picture drawn back in gives the same answer (what the draw pad sends when it takes a test image).
        double[] drawn = new double[64];
        for (int k = 0; k < 64; k++) {
            drawn[k] = seen.picture().planes()[0][k];
        }
        worker.send(new WorkerProtocol.Inspect(33, -1, drawn, false));
        WorkerProtocol.Inspection again = (WorkerProtocol.Inspection) worker.until(
                m -> m instanceof WorkerProtocol.Inspection || m instanceof WorkerProtocol.Error);
        assertThat(again.label()).isEqualTo(-1);
        assertThat(again.maps()).isNull();
        assertThat(again.outputs()).containsExactly(seen.outputs(), within(1e-4));
    }

    @Test
    void inspectSaysWhenThereAreNoMapsOrNoPictures() throws Exception {
        NetworkDocument digits = org.layercanvas.model.io.DocumentJson.read(
                org.layercanvas.samples.Samples.text("digits-mlp").orElseThrow(), "digits-mlp");
        worker = new Worker();
        worker.next();
        worker.send(new WorkerProtocol.Inspect(40, 0, null, true));
        assertThat(((WorkerProtocol.Error) worker.until(m -> m instanceof WorkerProtocol.Error)).message())
                .contains("no model yet");
        worker.send(WorkerProtocol.Train.of(digits.withTraining(digits.training().withEpochs(1)), "cpu", 1));
        worker.untilEvent(TrainingEvent.Evaluation.class);
        worker.send(new WorkerProtocol.Inspect(41, 3, null, true));
        WorkerProtocol.Inspection i = (WorkerProtocol.Inspection) worker.until(
                m -> m instanceof WorkerProtocol.Inspection || m instanceof WorkerProtocol.Error);
        assertThat(i.maps()).isEmpty();
        assertThat(i.filters()).isNull();
        assertThat(i.picture().height()).isEqualTo(8);
        assertThat(i.picture().channels()).isEqualTo(1);
        for (float v : i.picture().planes()[0]) {
            assertThat(v).isBetween(0f, 1f);
        }

        worker.send(WorkerProtocol.Train.of(xor(1), "cpu", 1));
        worker.untilEvent(TrainingEvent.Evaluation.class);
        worker.send(new WorkerProtocol.Inspect(42, 0, null, true));
        WorkerProtocol.Error e = (WorkerProtocol.Error) worker.until(m -> m instanceof WorkerProtocol.Error);
        assertThat(e.requestId()).isEqualTo(42L);
        assertThat(e.message()).contains("not a picture");
    }
}

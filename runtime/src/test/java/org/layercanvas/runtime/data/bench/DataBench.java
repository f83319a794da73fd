package org.layercanvas.runtime.data.bench;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.data.BatchSource;
import org.layercanvas.runtime.data.IdxReader;
import org.layercanvas.runtime.data.ImageDatasets;
import org.layercanvas.runtime.data.SplitImages;
import org.layercanvas.runtime.data.StreamingIterator;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Load time and retained heap of MNIST-size data, and batch throughput of the streaming iterator compared with the
 * training throughput of a 784-128-10 MLP. Usage: {@code DataBench [folder with MNIST IDX files] [--no-train]};
 * without a folder it generates 60,000 + 10,000 random 28x28 images (fixed seed) in a temporary folder.
 */
public final class DataBench {
    private DataBench() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = null;
        boolean train = true;
        for (String a : args) {
            if (a.equals("--no-train")) {
                train = false;
            } else {
                folder = Path.of(a);
            }
        }
        Path temp = null;
        if (folder == null) {
            temp = Files.createTempDirectory("databench");
            folder = temp;
            long t = System.nanoTime();
            generate(folder, "train", 60_000, 1);
            generate(folder, "t10k", 10_000, 2);
            System.out.printf(Locale.ROOT, "generated 60000+10000 random 28x28 IDX images in %s (%.2f s)%n", folder,
                    (System.nanoTime() - t) / 1e9);
        }
        try {
            run(folder, train);
        } finally {
            if (temp != null) {
                try (Stream<Path> s = Files.walk(temp)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static void run(Path folder, boolean train) throws Exception {
        System.out.printf(Locale.ROOT, "JVM max heap %d MB, %d cores%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        // Warm the reader's code paths once on the labels only, then measure the full load.
        IdxReader.readLabels(find(folder, "t10k-labels-idx1-ubyte"));
        long before = usedHeap();
        long t0 = System.nanoTime();
        SplitImages mnist = ImageDatasets.mnist(folder, ImageDatasets.DIGIT_NAMES);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        long after = usedHeap();
        System.out.printf(Locale.ROOT, "load: %d train + %d test images in %.3f s; retained heap %.1f MB"
                        + " (pixel bytes %.1f MB)%n", mnist.train().size(), mnist.test().size(), loadSeconds,
                (after - before) / 1048576.0,
                (mnist.train().storage().length + (double) mnist.test().storage().length) / 1048576.0);

        SplitImages split = SplitImages.official(mnist.train(), mnist.test(), 1 / 12.0, 7);
        for (TensorShape shape : new TensorShape[] {TensorShape.image(28, 28, 1), TensorShape.vector(784)}) {
            for (int prefetch : new int[] {0, 2}) {
                StreamingIterator it = StreamingIterator.builder(BatchSource.of(split.train()), shape).batchSize(64)
                        .seed(1).prefetch(prefetch).build();
                drain(it); // warm-up epoch
                it.reset();
                long s = System.nanoTime();
                int batches = 0;
                long samples = 0;
                for (int e = 0; e < 2; e++) {
                    while (it.hasNext()) {
                        samples += it.next().numExamples();
                        batches++;
                    }
                    it.reset();
                }
                double sec = (System.nanoTime() - s) / 1e9;
                it.close();
                System.out.printf(Locale.ROOT, "iterator %-9s batch 64 prefetch %d: %8.0f batches/s %9.0f samples/s%n",
                        shape.kind() == TensorShape.Kind.IMAGE ? "NCHW" : "vector", prefetch, batches / sec,
                        samples / sec);
            }
        }
        StreamingIterator aug = StreamingIterator.builder(BatchSource.of(split.train()), TensorShape.image(28, 28, 1))
                .batchSize(64).seed(1).prefetch(0).augmentation(new StreamingIterator.Augmentation(true, 2)).build();
        drain(aug);
        aug.reset();
        long s = System.nanoTime();
        long n = drain(aug);
        System.out.printf(Locale.ROOT, "iterator NCHW+flip+shift2 prefetch 0: %9.0f samples/s%n",
                n / ((System.nanoTime() - s) / 1e9));

        if (train) {
            train(split);
        }
        System.out.printf(Locale.ROOT, "peak heap used (all pools): %.1f MB%n", peakHeap() / 1048576.0);
    }

    private static void train(SplitImages split) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-3)).list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(128).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        // Alternating runs of 400 batches (25,600 samples) so that load from other processes shows as variance.
        for (int prefetch : new int[] {0, 2, 0, 2}) {
            StreamingIterator it = StreamingIterator.builder(BatchSource.of(split.train()), TensorShape.vector(784))
                    .batchSize(64).seed(1).prefetch(prefetch).build();
            // warm-up: 100 batches
            for (int b = 0; b < 100 && it.hasNext(); b++) {
                net.fit(it.next());
            }
            it.reset();
            long s = System.nanoTime();
            long samples = 0;
            long waitNanos = 0;
            for (int b = 0; b < 400 && it.hasNext(); b++) {
                long w = System.nanoTime();
                DataSet ds = it.next();
                waitNanos += System.nanoTime() - w;
                net.fit(ds);
                samples += ds.numExamples();
            }
            double sec = (System.nanoTime() - s) / 1e9;
            it.close();
            System.out.printf(Locale.ROOT, "train 784-128-10 MLP, 400 batches of 64, prefetch %d: %.0f samples/s;"
                    + " time waiting for batches %.2f s of %.2f s (%.1f%%)%n", prefetch, samples / sec,
                    waitNanos / 1e9, sec, 100 * waitNanos / 1e9 / sec);
        }
    }

    private static long drain(StreamingIterator it) {
        long n = 0;
        while (it.hasNext()) {
            n += it.next().numExamples();
        }
        return n;
    }

    private static Path find(Path folder, String name) {
        for (String c : new String[] {name, name + ".gz", name.replace("-idx", ".idx"),
            name.replace("-idx", ".idx") + ".gz"}) {
            if (Files.isRegularFile(folder.resolve(c))) {
                return folder.resolve(c);
            }
        }
        return folder.resolve(name);
    }

    private static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long peakHeap() {
        long sum = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Random MNIST-like IDX pair: about 80 % zero pixels, the rest random, labels 0..9. */
    private static void generate(Path folder, String prefix, int n, long seed) throws IOException {
        Random r = new Random(seed);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(folder.resolve(prefix + "-images-idx3-ubyte")), 1 << 16))) {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(n);
            out.writeInt(28);
            out.writeInt(28);
            byte[] image = new byte[784];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 784; k++) {
                    image[k] = r.nextInt(5) == 0 ? (byte) r.nextInt(256) : 0;
                }
                out.write(image);
            }
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(folder.resolve(prefix + "-labels-idx1-ubyte"))))) {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                out.writeByte(r.nextInt(10));
            }
        }
    }
}

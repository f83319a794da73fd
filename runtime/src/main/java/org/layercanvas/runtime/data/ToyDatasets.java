package org.layercanvas.runtime.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded 2-D classification problems in the spirit of the TensorFlow Playground, and two small regression problems. {@code noise} is the standard
 * deviation of Gaussian jitter, relative to the problem's unit scale; 0 gives perfectly separable data.
 */
public final class ToyDatasets {
    private ToyDatasets() {
    }

    /** Four quadrants, opposite ones share a class; points keep a small margin from the axes. */
    public static Examples xor(int samples, double noise, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[samples][];
        int[] y = new int[samples];
        for (int i = 0; i < samples; i++) {
            double a = margin(r);
            double b = margin(r);
            y[i] = a * b > 0 ? 0 : 1;
            x[i] = new float[] {(float) (a + noise * r.nextGaussian()), (float) (b + noise * r.nextGaussian())};
        }
        return new Examples(x, y, names(2));
    }

    private static double margin(Random r) {
        double v = 0.1 + 0.9 * r.nextDouble();
        return r.nextBoolean() ? v : -v;
    }

    /** A disc (class 0) inside a ring (class 1). */
    public static Examples circles(int samples, double noise, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[samples][];
        int[] y = new int[samples];
        for (int i = 0; i < samples; i++) {
            boolean inner = i % 2 == 0;
            double radius = inner ? 0.5 * r.nextDouble() : 0.7 + 0.3 * r.nextDouble();
            double angle = 2 * Math.PI * r.nextDouble();
            y[i] = inner ? 0 : 1;
            x[i] = new float[] {(float) (radius * Math.cos(angle) + noise * r.nextGaussian()),
                (float) (radius * Math.sin(angle) + noise * r.nextGaussian())};
        }
        return new Examples(x, y, names(2));
    }

    /** {@code classes} interleaved spiral arms, one per class. */
    public static Examples spiral(int samples, double noise, int classes, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[samples][];
        int[] y = new int[samples];
        for (int i = 0; i < samples; i++) {
            int c = i % classes;
            double t = r.nextDouble();
            double radius = 0.1 + 0.9 * t;
            double angle = 1.75 * 2 * Math.PI * t + 2 * Math.PI * c / classes;
            y[i] = c;
            x[i] = new float[] {(float) (radius * Math.cos(angle) + noise * r.nextGaussian()),
                (float) (radius * Math.sin(angle) + noise * r.nextGaussian())};
        }
        return new Examples(x, y, names(classes));
    }

    /** Two Gaussian blobs centred at (-0.5, -0.5) and (0.5, 0.5); noise adds to their spread of 0.2. */
    public static Examples gaussians(int samples, double noise, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[samples][];
        int[] y = new int[samples];
        double spread = 0.2 + noise;
        for (int i = 0; i < samples; i++) {
            int c = i % 2;
            double centre = c == 0 ? -0.5 : 0.5;
            y[i] = c;
            x[i] = new float[] {(float) (centre + spread * r.nextGaussian()),
                (float) (centre + spread * r.nextGaussian())};
        }
        return new Examples(x, y, names(2));
    }

    /**
     * Regression: {@code y = sin(x)} for {@code x} uniform in [-3, 3], with Gaussian noise of standard deviation
     * {@code noise} added to y. One feature, one target.
     */
    public static Examples sine(int samples, double noise, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[samples][];
        float[] y = new float[samples];
        for (int i = 0; i < samples; i++) {
            double v = -3 + 6 * r.nextDouble();
            x[i] = new float[] {(float) v};
            y[i] = (float) (Math.sin(v) + noise * r.nextGaussian());
        }
        return Examples.regression(x, y);
    }

    /**
     * Regression: {@code y = x1^2 + x2^2} (a bowl) for points uniform in [-1, 1]^2, with Gaussian noise of standard
     * deviation {@code noise} added to y. Two features, one target.
     */
    public static Examples bowl(int samples, double noise, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[samples][];
        float[] y = new float[samples];
        for (int i = 0; i < samples; i++) {
            double a = -1 + 2 * r.nextDouble();
            double b = -1 + 2 * r.nextDouble();
            x[i] = new float[] {(float) a, (float) b};
            y[i] = (float) (a * a + b * b + noise * r.nextGaussian());
        }
        return Examples.regression(x, y);
    }

    /** Uniform [0, 1) features with uniformly random labels: a workload for benchmarks, not for learning. */
    public static Examples random(int samples, int features, int classes, long seed) {
        return random(samples, features, classes, 0, seed);
    }

    /**
     * Random examples: uniform features in [0, 1), or token ids below {@code vocab} when it is positive; labels
     * uniform over the classes.
     */
    public static Examples random(int samples, int features, int classes, int vocab, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[samples][features];
        int[] y = new int[samples];
        for (int i = 0; i < samples; i++) {
            for (int j = 0; j < features; j++) {
                x[i][j] = vocab > 0 ? r.nextInt(vocab) : r.nextFloat();
            }
            y[i] = r.nextInt(classes);
        }
        return new Examples(x, y, names(classes));
    }

    private static List<String> names(int classes) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(Integer.toString(c));
        }
        return names;
    }
}

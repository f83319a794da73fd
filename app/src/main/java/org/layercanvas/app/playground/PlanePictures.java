package org.layercanvas.app.playground;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.layercanvas.runtime.train.Planes;

/** Pictures of {@link Planes}: one pixel per value, drawn large without smoothing (every pixel a square). */
final class PlanePictures {
    private static final Color NEGATIVE = Color.web("#0877bd");
    private static final Color POSITIVE = Color.web("#f59322");

    private PlanePictures() {
    }

    /** An input picture: grey for one channel, RGB for three; values 0 to 1. */
    static WritableImage input(Planes p, int i) {
        return image(p, i, (r, c) -> p.channels() >= 3
                ? Color.color(clip(p.at(i, r, c, 0)), clip(p.at(i, r, c, 1)), clip(p.at(i, r, c, 2)))
                : Color.gray(clip(p.at(i, r, c, 0))));
    }

    /** A feature map: black 0 to white {@code max} (activations after ReLU); negative values blue. */
    static WritableImage map(Planes p, int i, double max) {
        return image(p, i, (r, c) -> {
            double v = p.at(i, r, c, 0) / max;
            return v >= 0 ? Color.gray(clip(v)) : Color.color(0, 0, clip(-v));
        });
    }

    /**
     * A filter of the first Conv2D layer, scaled by {@code max} (the largest weight magnitude of the layer): RGB
     * filters as colour around mid grey (weight 0), one-channel ones orange (positive) and blue (negative) on white.
     */
    static WritableImage filter(Planes p, int i, double max) {
        return image(p, i, (r, c) -> {
            if (p.channels() >= 3) {
                return Color.color(mid(p.at(i, r, c, 0), max), mid(p.at(i, r, c, 1), max), mid(p.at(i, r, c, 2), max));
            }
            double v = p.at(i, r, c, 0) / max;
            return Color.WHITE.interpolate(v >= 0 ? POSITIVE : NEGATIVE, clip(Math.abs(v)));
        });
    }

    /** The largest magnitude among all planes (at least a tiny positive number). */
    static double maxAbs(Planes p) {
        double max = 1e-6;
        for (float[] plane : p.planes()) {
            for (float v : plane) {
                max = Float.isFinite(v) ? Math.max(max, Math.abs(v)) : max;
            }
        }
        return max;
    }

    /** A canvas of {@code width x height} pixels with {@code image} drawn on it, nearest neighbour, framed. */
    static Canvas canvas(WritableImage image, double width, double height) {
        Canvas canvas = new Canvas(width, height);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setImageSmoothing(false);
        g.drawImage(image, 0, 0, width, height);
        g.setStroke(Color.gray(0.5, 0.8));
        g.strokeRect(0.5, 0.5, width - 1, height - 1);
        return canvas;
    }

    private interface Pixel {
        Color at(int r, int c);
    }

    private static WritableImage image(Planes p, int i, Pixel pixel) {
        WritableImage image = new WritableImage(p.width(), p.height());
        PixelWriter w = image.getPixelWriter();
        for (int r = 0; r < p.height(); r++) {
            for (int c = 0; c < p.width(); c++) {
                w.setColor(c, r, pixel.at(r, c));
            }
        }
        return image;
    }

    private static double mid(float v, double max) {
        return clip(0.5 + 0.5 * v / max);
    }

    private static double clip(double v) {
        return Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
    }
}

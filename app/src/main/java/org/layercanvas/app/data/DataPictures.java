package org.layercanvas.app.data;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.data.BatchSource;

/** Pictures of examples for previews: images as they are (gray or colour), dark ink on white for digit-like data. */
public final class DataPictures {
    private DataPictures() {
    }

    /** Whether examples of this shape can be shown as pictures. */
    public static boolean isPicture(TensorShape shape) {
        return shape != null && shape.kind() == TensorShape.Kind.IMAGE && (shape.dim(2) == 1 || shape.dim(2) == 3);
    }

    /** Example {@code i} of {@code source}, laid out as {@code shape} (row-major, channels last). */
    public static WritableImage picture(BatchSource source, int i, TensorShape shape) {
        float[] x = new float[source.featureCount()];
        source.features(i, x, 0);
        return picture(x, shape.dim(0), shape.dim(1), shape.dim(2));
    }

    /**
     * Values of one image, scaled by their maximum. Gray images are drawn dark on light, as digits are written,
     * colour images as they are.
     */
    public static WritableImage picture(float[] x, int h, int w, int c) {
        WritableImage image = new WritableImage(w, h);
        PixelWriter out = image.getPixelWriter();
        float max = 1e-6f;
        for (float v : x) {
            max = Math.max(max, v);
        }
        float scale = max > 1.5f ? max : 1f;
        for (int y = 0; y < h; y++) {
            for (int xx = 0; xx < w; xx++) {
                int o = (y * w + xx) * c;
                if (c == 1) {
                    double v = clamp(x[o] / scale);
                    out.setColor(xx, y, Color.gray(1 - v));
                } else {
                    out.setColor(xx, y, Color.color(clamp(x[o] / scale), clamp(x[o + 1] / scale),
                            clamp(x[o + 2] / scale)));
                }
            }
        }
        return image;
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}

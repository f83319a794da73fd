package org.layercanvas.packaging;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the LayerCanvas icon: a small network of three layers (2, 3, 2 units) wired on a rounded blue tile. The
 * PNGs in the app's resources ({@code org/layercanvas/app/icons/icon-N.png}) are made by {@link #main}; the
 * installers take their ICO, ICNS and PNG icons from those files (see {@link IconFiles}).
 *
 * <p>Run after changing the drawing: {@code java -cp jpackage/target/classes
 * org.layercanvas.packaging.IconArt app/src/main/resources/org/layercanvas/app/icons}.
 */
public final class IconArt {
    /** The sizes the window and the installers use. */
    public static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256, 512};

    private static final Color TILE_TOP = new Color(0x3B82F6);
    private static final Color TILE_BOTTOM = new Color(0x4338CA);
    private static final Color WIRE = new Color(255, 255, 255, 150);
    private static final Color NODE = Color.WHITE;
    private static final Color OUTPUT = new Color(0xFBBF24);

    private IconArt() {
    }

    /** The icon at {@code size} x {@code size} pixels, with a transparent margin. */
    public static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            double s = size;
            double margin = s * 0.06;
            double tile = s - 2 * margin;
            g.setPaint(new GradientPaint(0, (float) margin, TILE_TOP, 0, (float) (margin + tile), TILE_BOTTOM));
            g.fill(new RoundRectangle2D.Double(margin, margin, tile, tile, tile * 0.36, tile * 0.36));

            double[][] layers = {{0.38, 0.62}, {0.26, 0.5, 0.74}, {0.38, 0.62}};
            double[] xs = {0.24, 0.5, 0.76};
            double r = Math.max(1.2, s * (size <= 24 ? 0.085 : 0.07));
            g.setColor(WIRE);
            g.setStroke(new BasicStroke((float) Math.max(1.0, s * 0.022), BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND));
            for (int l = 0; l + 1 < layers.length; l++) {
                for (double y0 : layers[l]) {
                    for (double y1 : layers[l + 1]) {
                        g.draw(new Line2D.Double(xs[l] * s, y0 * s, xs[l + 1] * s, y1 * s));
                    }
                }
            }
            for (int l = 0; l < layers.length; l++) {
                g.setColor(l == layers.length - 1 ? OUTPUT : NODE);
                for (double y : layers[l]) {
                    g.fill(new Ellipse2D.Double(xs[l] * s - r, y * s - r, 2 * r, 2 * r));
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes {@code icon-N.png} for every size in {@link #SIZES} into {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: IconArt OUTPUT-FOLDER");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        for (int size : SIZES) {
            ImageIO.write(draw(size), "png", dir.resolve("icon-" + size + ".png").toFile());
        }
    }
}

package org.layercanvas.runtime.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Imports a folder with one sub-folder per class (class names = sub-folder names, sorted). PNG, JPEG, GIF and BMP
 * files are decoded with javax.imageio, resized to the Input node's height x width (bilinear, halving first for big
 * reductions), and stored as grayscale or RGB bytes. Transparent pixels are drawn over white. Files that cannot be
 * read are skipped and listed with the reason; other files (e.g. {@code notes.txt}) are listed too. Hidden files are
 * ignored.
 */
public final class ImageFolderImporter {
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp");

    /** A file that was not imported and why (message from the bundle). */
    public record Skipped(Path file, String reason) {
    }

    /**
     * @param images     the images that could be read
     * @param skipped    files that were left out, with reasons
     * @param findings   warnings: skipped files, empty class folders
     */
    public record Result(ByteImages images, List<Skipped> skipped, List<Finding> findings) {
        public Result {
            skipped = List.copyOf(skipped);
            findings = List.copyOf(findings);
        }
    }

    private ImageFolderImporter() {
    }

    /**
     * @param channels 1 for grayscale, 3 for RGB
     */
    public static Result load(Path root, int height, int width, int channels) throws DatasetException {
        if (channels != 1 && channels != 3) {
            throw DataMessages.error("images.badChannels", channels);
        }
        if (height <= 0 || width <= 0) {
            throw DataMessages.error("images.badSize", height, width);
        }
        ClassFolders folders = ClassFolders.list(root);
        int per = Math.multiplyExact(Math.multiplyExact(height, width), channels);
        byte[] pixels = new byte[Math.multiplyExact(folders.total(), per)];
        int[] labels = new int[folders.total()];
        List<Skipped> skipped = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Path p : folders.loose()) {
            skipped.add(new Skipped(p, DataMessages.format("images.reason.notInClass")));
        }
        int n = 0;
        for (int c = 0; c < folders.classNames().size(); c++) {
            int inClass = 0;
            for (Path file : folders.files().get(c)) {
                BufferedImage image = decode(file, skipped);
                if (image != null) {
                    toBytes(resize(image, width, height), channels, pixels, n * per);
                    labels[n++] = c;
                    inClass++;
                }
            }
            if (inClass == 0) {
                findings.add(Finding.warning("images.emptyClass", folders.classNames().get(c)));
            }
        }
        if (!skipped.isEmpty()) {
            findings.add(0, Finding.warning("images.skipped", skipped.size(), root.getFileName()));
        }
        if (n == 0) {
            throw DataMessages.error("images.none", root);
        }
        byte[] kept = n == folders.total() ? pixels : Arrays.copyOf(pixels, n * per);
        return new Result(new ByteImages(kept, Arrays.copyOf(labels, n), folders.classNames(), height, width,
                channels), skipped, findings);
    }

    /**
     * The class sub-folders of an import folder and their files, sorted.
     *
     * @param files per class, its visible regular files (images or not)
     * @param loose image files directly in the folder, in no class
     * @param total how many files the class folders hold
     */
    private record ClassFolders(List<String> classNames, List<List<Path>> files, List<Path> loose, int total) {
        static ClassFolders list(Path root) throws DatasetException {
            if (!Files.isDirectory(root)) {
                throw DataMessages.error("images.noFolder", root);
            }
            List<Path> classDirs;
            List<Path> loose;
            try (Stream<Path> s = Files.list(root)) {
                List<Path> all = s.filter(p -> !hidden(p)).sorted().toList();
                classDirs = all.stream().filter(Files::isDirectory).toList();
                loose = all.stream().filter(Files::isRegularFile).filter(ImageFolderImporter::hasImageExtension)
                        .toList();
            } catch (IOException e) {
                throw IdxReader.ioError(root, e);
            }
            if (classDirs.isEmpty()) {
                throw DataMessages.error(loose.isEmpty() ? "images.noClasses" : "images.looseImages", root);
            }
            List<String> classNames = new ArrayList<>();
            List<List<Path>> files = new ArrayList<>();
            int total = 0;
            for (Path dir : classDirs) {
                classNames.add(dir.getFileName().toString());
                try (Stream<Path> s = Files.list(dir)) {
                    List<Path> list = s.filter(p -> !hidden(p) && Files.isRegularFile(p)).sorted().toList();
                    files.add(list);
                    total += list.size();
                } catch (IOException e) {
                    throw IdxReader.ioError(dir, e);
                }
            }
            return new ClassFolders(classNames, files, loose, total);
        }
    }

    /** The image in {@code file}, or null after adding why it cannot be used to {@code skipped}. */
    private static BufferedImage decode(Path file, List<Skipped> skipped) {
        if (!hasImageExtension(file)) {
            skipped.add(new Skipped(file, DataMessages.format("images.reason.notImage",
                    String.join(", ", EXTENSIONS.stream().sorted().toList()))));
            return null;
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            skipped.add(new Skipped(file, DataMessages.format("images.reason.corrupt",
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
            return null;
        }
        if (image == null || image.getWidth() <= 0 || image.getHeight() <= 0) {
            skipped.add(new Skipped(file, DataMessages.format("images.reason.unreadable")));
            return null;
        }
        return image;
    }

    private static boolean hidden(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") || name.equals("Thumbs.db") || name.equals("desktop.ini");
    }

    static boolean hasImageExtension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Scales to exactly {@code w x h} RGB over white; halves repeatedly first so big reductions do not alias. */
    static BufferedImage resize(BufferedImage source, int w, int h) {
        BufferedImage current = flatten(source);
        int cw = current.getWidth();
        int ch = current.getHeight();
        while (cw / 2 >= w && ch / 2 >= h) {
            cw /= 2;
            ch /= 2;
            current = draw(current, cw, ch);
        }
        if (cw != w || ch != h) {
            current = draw(current, w, h);
        }
        return current;
    }

    private static BufferedImage flatten(BufferedImage source) {
        BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage draw(BufferedImage source, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Row-major HWC bytes; grayscale by the ITU-R BT.601 luma weights. */
    static void toBytes(BufferedImage rgb, int channels, byte[] dst, int offset) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        int[] argb = rgb.getRGB(0, 0, w, h, null, 0, w);
        int o = offset;
        for (int p : argb) {
            int r = (p >> 16) & 0xFF;
            int g = (p >> 8) & 0xFF;
            int b = p & 0xFF;
            if (channels == 1) {
                dst[o++] = (byte) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
            } else {
                dst[o++] = (byte) r;
                dst[o++] = (byte) g;
                dst[o++] = (byte) b;
            }
        }
    }
}

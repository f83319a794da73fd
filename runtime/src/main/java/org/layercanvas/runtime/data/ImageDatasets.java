package org.layercanvas.runtime.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The downloadable image datasets, read from a folder that already holds their files (downloading is done
 * elsewhere). Each gives its official training and test parts; validation is empty until
 * {@link SplitImages#official} carves it out of training.
 */
public final class ImageDatasets {
    public static final String MNIST = "mnist";
    public static final String FASHION_MNIST = "fashion-mnist";
    public static final String CIFAR10 = "cifar10";
    public static final List<String> IDS = List.of(MNIST, FASHION_MNIST, CIFAR10);

    public static final List<String> MNIST_FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
    public static final List<String> DIGIT_NAMES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    public static final List<String> FASHION_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private ImageDatasets() {
    }

    /** Loads {@code id} ({@link #MNIST}, {@link #FASHION_MNIST}, {@link #CIFAR10}) from {@code folder}. */
    public static SplitImages load(String id, Path folder) throws DatasetException {
        return switch (id) {
            case MNIST -> mnist(folder, DIGIT_NAMES);
            case FASHION_MNIST -> mnist(folder, FASHION_NAMES);
            case CIFAR10 -> Cifar10Reader.readFolder(folder);
            default -> throw DataMessages.error("dataset.unknownImageSet", id, String.join(", ", IDS));
        };
    }

    /**
     * MNIST-format IDX files ({@code train-images-idx3-ubyte} etc., each optionally ending in {@code .gz}, and
     * also accepted with a dot for the dash before {@code idx}, e.g. {@code train-images.idx3-ubyte}).
     */
    public static SplitImages mnist(Path folder, List<String> classNames) throws DatasetException {
        List<Path> files = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : MNIST_FILES) {
            Path p = find(folder, name);
            if (p == null) {
                missing.add(name + "[.gz]");
            }
            files.add(p);
        }
        if (!missing.isEmpty()) {
            throw DataMessages.error("mnist.missingFiles", folder, String.join(", ", missing));
        }
        ByteImages train = IdxReader.read(files.get(0), files.get(1), classNames);
        ByteImages test = IdxReader.read(files.get(2), files.get(3), classNames);
        return new SplitImages(train, train.subset(new int[0]), test);
    }

    static Path find(Path folder, String name) {
        String dotted = name.replace("-idx", ".idx");
        for (String candidate : List.of(name, name + ".gz", dotted, dotted + ".gz")) {
            Path p = folder.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}

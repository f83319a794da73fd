package org.layercanvas.model.data;

import java.util.List;
import java.util.Optional;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.shape.TensorShape;

/**
 * The datasets a document can name and what they feed; the runtime loads them, the validator checks documents
 * against them. Options common to all: {@code normalize} ({@link #NORMALIZATIONS}; numeric columns only),
 * {@code augmentFlip} and {@code augmentShift} (image datasets, training split only).
 */
public final class DatasetCatalog {
    public static final String DIGITS = "digits";
    public static final String XOR = "xor";
    public static final String CIRCLES = "circles";
    public static final String SPIRAL = "spiral";
    public static final String GAUSSIANS = "gaussians";
    /** Regression toy: {@code y = sin(x)} plus noise over {@code x in [-3, 3]}; one input, one target. */
    public static final String SINE = "sine";
    /** Regression toy: {@code y = x1^2 + x2^2} plus noise over the unit square scaled to [-1, 1]; two inputs. */
    public static final String BOWL = "bowl";
    /**
     * Generated token sequences for attention: is the first token repeated later in the sequence? Every sequence
     * holds exactly one pair of equal tokens, all others differ; class 1 when the pair includes the first position,
     * class 0 when it lies elsewhere (half of each). Counting tokens cannot tell the classes apart, only comparing
     * each token with the first one can. Options {@code samples} ({@link #DEFAULT_REPEAT_SAMPLES}), {@code length}
     * ({@link #DEFAULT_REPEAT_LENGTH}) and {@code vocab} ({@link #DEFAULT_REPEAT_VOCAB}).
     */
    public static final String FIRST_REPEAT = "first-repeat";
    /**
     * Uniform random examples with random labels, for benchmarks: options {@code samples} (default 10000),
     * {@code classes} (10) and the shape: {@code features} (784) for vectors, or {@code height}, {@code width},
     * {@code channels} (1) for images, or {@code length} and {@code vocab} (1000) for token ids. Nothing can be
     * learned from it.
     */
    public static final String RANDOM = "random";
    /** Downloaded on first use (see the runtime's {@code DatasetFiles}). */
    public static final String MNIST = "mnist";
    public static final String FASHION_MNIST = "fashion-mnist";
    public static final String CIFAR10 = "cifar10";
    /** The Large Movie Review Dataset (25k train / 25k test reviews): options {@code length}, {@code vocab}. */
    public static final String IMDB = "imdb";
    /**
     * The bundled two-language sentiment set: options {@code language} ({@code en} or {@code zh}), {@code length},
     * {@code vocab}.
     */
    public static final String SENTIMENT = "sentiment";
    /**
     * A CSV file: options {@code path} (relative to the document's folder or absolute), {@code label} (the label
     * column; default the last), {@code features} (how many feature columns: written by the import),
     * {@code classes} (written by the import).
     */
    public static final String CSV = "csv";
    /**
     * A folder with one sub-folder of images per class: options {@code path}, {@code classes} (written by the
     * import). The images are resized to the Input node's height and width, in its channels (1 gray, 3 RGB).
     */
    public static final String IMAGES = "images";

    /** Toy 2-D classification generators: options {@code samples} (default 400), {@code noise} (default 0.1). */
    public static final List<String> TOYS = List.of(XOR, CIRCLES, SPIRAL, GAUSSIANS);
    /** Toy regression generators: options {@code samples} (default 400), {@code noise} (default 0.1). */
    public static final List<String> REGRESSION_TOYS = List.of(SINE, BOWL);
    /** Fetched from the web into the cache on first use. */
    public static final List<String> DOWNLOADED = List.of(MNIST, FASHION_MNIST, CIFAR10, IMDB);
    /** Image datasets (augmentation applies). */
    public static final List<String> IMAGE_SETS = List.of(DIGITS, MNIST, FASHION_MNIST, CIFAR10, IMAGES);
    public static final List<String> TEXT_SETS = List.of(SENTIMENT, IMDB);
    public static final List<String> ALL = List.of(DIGITS, XOR, CIRCLES, SPIRAL, GAUSSIANS, SINE, BOWL,
            FIRST_REPEAT, MNIST, FASHION_MNIST, CIFAR10, SENTIMENT, IMDB, CSV, IMAGES, RANDOM);
    public static final List<String> NORMALIZATIONS = List.of("none", "minmax", "standardize");
    public static final List<String> LANGUAGES = List.of("en", "zh");

    public static final int DEFAULT_TEXT_LENGTH = 40;
    public static final int DEFAULT_SENTIMENT_VOCAB = 2000;
    public static final int DEFAULT_IMDB_LENGTH = 200;
    public static final int DEFAULT_IMDB_VOCAB = 10_000;
    public static final int DEFAULT_REPEAT_SAMPLES = 4000;
    public static final int DEFAULT_REPEAT_LENGTH = 10;
    public static final int DEFAULT_REPEAT_VOCAB = 16;

    private DatasetCatalog() {
    }

    /**
     * Facts about the dataset the spec names, or empty when no such dataset exists. For {@link #IMAGES} the shape
     * is that of {@code input} (the folder's images are resized to it) and for {@link #CSV} it comes from the
     * options the import wrote; without them the info has no shapes (anything is accepted until the file is read).
     */
    public static Optional<DatasetInfo> info(DatasetSpec spec) {
        return info(spec, null);
    }

    /** As {@link #info(DatasetSpec)}, with the Input node's shape for datasets that adapt to it. */
    public static Optional<DatasetInfo> info(DatasetSpec spec, TensorShape input) {
        String id = spec.id();
        return switch (id) {
            case DIGITS -> Optional.of(new DatasetInfo(id, List.of(TensorShape.vector(64), TensorShape.image(8, 8, 1)),
                    10));
            case XOR, CIRCLES, GAUSSIANS -> Optional.of(new DatasetInfo(id, List.of(TensorShape.vector(2)), 2));
            case SPIRAL -> Optional.of(new DatasetInfo(id, List.of(TensorShape.vector(2)),
                    spec.intOption("classes", 2)));
            case SINE -> Optional.of(DatasetInfo.regression(id, List.of(TensorShape.vector(1))));
            case BOWL -> Optional.of(DatasetInfo.regression(id, List.of(TensorShape.vector(2))));
            case FIRST_REPEAT -> Optional.of(new DatasetInfo(id, List.of(TensorShape.tokens(
                    spec.intOption("length", DEFAULT_REPEAT_LENGTH), spec.intOption("vocab", DEFAULT_REPEAT_VOCAB))),
                    2));
            case RANDOM -> Optional.of(new DatasetInfo(id, randomShapes(spec), spec.intOption("classes", 10)));
            case MNIST, FASHION_MNIST -> Optional.of(new DatasetInfo(id,
                    List.of(TensorShape.image(28, 28, 1), TensorShape.vector(784)), 10));
            case CIFAR10 -> Optional.of(new DatasetInfo(id,
                    List.of(TensorShape.image(32, 32, 3), TensorShape.vector(3072)), 10));
            case SENTIMENT -> Optional.of(new DatasetInfo(id, List.of(TensorShape.tokens(
                    spec.intOption("length", DEFAULT_TEXT_LENGTH), spec.intOption("vocab", DEFAULT_SENTIMENT_VOCAB))),
                    2));
            case IMDB -> Optional.of(new DatasetInfo(id, List.of(TensorShape.tokens(
                    spec.intOption("length", DEFAULT_IMDB_LENGTH), spec.intOption("vocab", DEFAULT_IMDB_VOCAB))), 2));
            case CSV -> {
                int features = spec.intOption("features", 0);
                int classes = spec.intOption("classes", 0);
                yield Optional.of(new DatasetInfo(id, features > 0 ? List.of(TensorShape.vector(features))
                        : List.of(), classes));
            }
            case IMAGES -> {
                int classes = spec.intOption("classes", 0);
                List<TensorShape> shapes = input != null && input.kind() == TensorShape.Kind.IMAGE
                        && (input.dim(2) == 1 || input.dim(2) == 3) ? List.of(input) : List.of();
                yield Optional.of(new DatasetInfo(id, shapes, classes));
            }
            default -> Optional.empty();
        };
    }

    /** The shapes the {@link #RANDOM} dataset feeds: tokens, an image (and its pixels as a vector), or a vector. */
    public static List<TensorShape> randomShapes(DatasetSpec spec) {
        if (spec.options().containsKey("length")) {
            return List.of(TensorShape.tokens(spec.intOption("length", 1), spec.intOption("vocab", 1000)));
        }
        if (spec.options().containsKey("height") || spec.options().containsKey("width")) {
            TensorShape image = TensorShape.image(spec.intOption("height", 1), spec.intOption("width", 1),
                    spec.intOption("channels", 1));
            return List.of(image, TensorShape.vector((int) image.size()));
        }
        return List.of(TensorShape.vector(spec.intOption("features", 784)));
    }

    /** A string option, or {@code fallback} when absent or not a string. */
    public static String stringOption(DatasetSpec spec, String name, String fallback) {
        Object v = spec.options().get(name);
        return v instanceof String s ? s : fallback;
    }

    /** Whether {@code normalize} and augmentation options apply: datasets of numeric columns. */
    public static boolean isTabular(String id) {
        return CSV.equals(id) || TOYS.contains(id) || REGRESSION_TOYS.contains(id) || RANDOM.equals(id);
    }
}

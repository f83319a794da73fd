package org.layercanvas.runtime.data.download;

import java.util.List;

/**
 * The published files of the downloadable datasets, with their canonical addresses first and known mirrors after.
 *
 * <p><b>Sizes and checksums</b> are those the publishers' files have had for years, as pinned independently by
 * several dataset loaders (TensorFlow Datasets, torchvision's mirrors and others); they were cross-checked against
 * at least two such sources each before being written here. The {@link Downloader} rejects any byte stream that
 * does not match, so a changed upstream file shows up as a clear "checksum" failure rather than as silently
 * different data. CIFAR-10 and IMDB have no known stable mirror; their fallback is the same host over plain HTTP
 * (for networks that break TLS), which the checksum makes as safe as HTTPS. A file with {@code sha256 == null} would be accepted and its hash recorded next to it.
 */
public final class DatasetFiles {
    private static final String MNIST_CANONICAL = "http://yann.lecun.com/exdb/mnist/";
    private static final String MNIST_OSSCI = "https://ossci-datasets.s3.amazonaws.com/mnist/";
    private static final String MNIST_CVDF = "https://storage.googleapis.com/cvdf-datasets/mnist/";
    private static final String FASHION_CANONICAL = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";
    private static final String FASHION_GITHUB =
            "https://github.com/zalandoresearch/fashion-mnist/raw/master/data/fashion/";

    /** Dataset (cache sub-folder) names. */
    public static final String MNIST = "mnist";
    public static final String FASHION_MNIST = "fashion-mnist";
    public static final String CIFAR_10 = "cifar-10";
    public static final String IMDB = "imdb";

    public static final DatasetFile MNIST_TRAIN_IMAGES =
            DatasetFile.at("train-images-idx3-ubyte.gz", 9_912_422,
            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", MNIST_CANONICAL, MNIST_OSSCI, MNIST_CVDF);
    public static final DatasetFile MNIST_TRAIN_LABELS =
            DatasetFile.at("train-labels-idx1-ubyte.gz", 28_881,
            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", MNIST_CANONICAL, MNIST_OSSCI, MNIST_CVDF);
    public static final DatasetFile MNIST_TEST_IMAGES =
            DatasetFile.at("t10k-images-idx3-ubyte.gz", 1_648_877,
            "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", MNIST_CANONICAL, MNIST_OSSCI, MNIST_CVDF);
    public static final DatasetFile MNIST_TEST_LABELS =
            DatasetFile.at("t10k-labels-idx1-ubyte.gz", 4_542,
            "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", MNIST_CANONICAL, MNIST_OSSCI, MNIST_CVDF);

    public static final DatasetFile FASHION_TRAIN_IMAGES =
            DatasetFile.at("train-images-idx3-ubyte.gz", 26_421_880,
            "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84", FASHION_CANONICAL, FASHION_GITHUB);
    public static final DatasetFile FASHION_TRAIN_LABELS =
            DatasetFile.at("train-labels-idx1-ubyte.gz", 29_515,
            "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845", FASHION_CANONICAL, FASHION_GITHUB);
    public static final DatasetFile FASHION_TEST_IMAGES =
            DatasetFile.at("t10k-images-idx3-ubyte.gz", 4_422_102,
            "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073", FASHION_CANONICAL, FASHION_GITHUB);
    public static final DatasetFile FASHION_TEST_LABELS =
            DatasetFile.at("t10k-labels-idx1-ubyte.gz", 5_148,
            "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5", FASHION_CANONICAL, FASHION_GITHUB);

    /** The CIFAR-10 binary version (for C programs), as read by {@code Cifar10Reader}. */
    public static final DatasetFile CIFAR_10_BINARY =
            DatasetFile.at("cifar-10-binary.tar.gz", 170_052_171,
            "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd", "https://www.cs.toronto.edu/~kriz/",
            "http://www.cs.toronto.edu/~kriz/");

    /** The Large Movie Review Dataset (Maas et al. 2011). */
    public static final DatasetFile IMDB_REVIEWS =
            DatasetFile.at("aclImdb_v1.tar.gz", -1,
            "c40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658fe",
            "https://ai.stanford.edu/~amaas/data/sentiment/", "http://ai.stanford.edu/~amaas/data/sentiment/");

    public static final List<DatasetFile> MNIST_FILES =
            List.of(MNIST_TRAIN_IMAGES, MNIST_TRAIN_LABELS, MNIST_TEST_IMAGES, MNIST_TEST_LABELS);
    public static final List<DatasetFile> FASHION_MNIST_FILES =
            List.of(FASHION_TRAIN_IMAGES, FASHION_TRAIN_LABELS, FASHION_TEST_IMAGES, FASHION_TEST_LABELS);
    public static final List<DatasetFile> CIFAR_10_FILES = List.of(CIFAR_10_BINARY);
    public static final List<DatasetFile> IMDB_FILES = List.of(IMDB_REVIEWS);

    private DatasetFiles() {
    }

    /** The files of a dataset by its cache name ({@link #MNIST} etc.). */
    public static List<DatasetFile> of(String dataset) {
        return switch (dataset) {
            case MNIST -> MNIST_FILES;
            case FASHION_MNIST -> FASHION_MNIST_FILES;
            case CIFAR_10 -> CIFAR_10_FILES;
            case IMDB -> IMDB_FILES;
            default -> throw new IllegalArgumentException("unknown dataset: " + dataset);
        };
    }
}

package org.layercanvas.runtime.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.data.DatasetCatalog;
import org.layercanvas.model.data.DatasetInfo;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.data.download.CancelledException;
import org.layercanvas.runtime.data.download.DatasetFile;
import org.layercanvas.runtime.data.download.DatasetFiles;
import org.layercanvas.runtime.data.download.DownloadMessages;
import org.layercanvas.runtime.data.download.Downloader;

/**
 * Loads the dataset a document names, in one of two forms: {@link #load} gives the small in-memory datasets as
 * float {@link Examples} (bench, previews); {@link #prepare} gives any dataset as a {@link PreparedData} of compact
 * sources with its preprocessing fitted on the training split, fetching downloadable files first when the
 * {@link DataContext} allows it.
 */
public final class DatasetLoader {
    public static final int DEFAULT_TOY_SAMPLES = 400;
    public static final double DEFAULT_TOY_NOISE = 0.1;
    /** The folder the CIFAR-10 binary archive unpacks to. */
    public static final String CIFAR_FOLDER = "cifar-10-batches-bin";

    private DatasetLoader() {
    }

    /** The generated and bundled datasets that fit in memory as floats; others are refused with a message. */
    public static Examples load(DatasetSpec spec) throws DatasetException {
        int samples = spec.intOption("samples", DEFAULT_TOY_SAMPLES);
        double noise = spec.doubleOption("noise", DEFAULT_TOY_NOISE);
        return switch (spec.id()) {
            case DatasetCatalog.DIGITS -> DigitsDataset.load();
            case DatasetCatalog.XOR -> ToyDatasets.xor(samples, noise, spec.seed());
            case DatasetCatalog.CIRCLES -> ToyDatasets.circles(samples, noise, spec.seed());
            case DatasetCatalog.SPIRAL -> ToyDatasets.spiral(samples, noise, spec.intOption("classes", 2), spec.seed());
            case DatasetCatalog.GAUSSIANS -> ToyDatasets.gaussians(samples, noise, spec.seed());
            case DatasetCatalog.SINE -> ToyDatasets.sine(samples, noise, spec.seed());
            case DatasetCatalog.BOWL -> ToyDatasets.bowl(samples, noise, spec.seed());
            case DatasetCatalog.FIRST_REPEAT -> SequenceDatasets.firstRepeat(
                    spec.intOption("samples", DatasetCatalog.DEFAULT_REPEAT_SAMPLES),
                    spec.intOption("length", DatasetCatalog.DEFAULT_REPEAT_LENGTH),
                    spec.intOption("vocab", DatasetCatalog.DEFAULT_REPEAT_VOCAB), spec.seed());
            case DatasetCatalog.RANDOM -> {
                TensorShape shape = DatasetCatalog.randomShapes(spec).get(0);
                yield ToyDatasets.random(spec.intOption("samples", 10_000), (int) shape.size(),
                        spec.intOption("classes", 10), shape.kind() == TensorShape.Kind.TOKENS ? shape.vocabSize() : 0,
                        spec.seed());
            }
            default -> {
                if (DatasetCatalog.ALL.contains(spec.id())) {
                    throw DataMessages.error("dataset.notInMemory", spec.id());
                }
                throw DataMessages.error("dataset.unknown", spec.id(), String.join(", ", DatasetCatalog.ALL));
            }
        };
    }

    /**
     * Loads, splits and preprocesses {@code spec} for a network whose Input has {@code input} (used to size
     * imported images; may be null otherwise).
     *
     * @throws CancelledException when a download was cancelled through the context
     */
    public static PreparedData prepare(DatasetSpec spec, TensorShape input, DataContext ctx)
            throws DatasetException, CancelledException {
        String id = spec.id();
        DatasetInfo info = DatasetCatalog.info(spec, input).orElseThrow(() -> DataMessages.error("dataset.unknown",
                id, String.join(", ", DatasetCatalog.ALL)));
        StreamingIterator.Augmentation augmentation = new StreamingIterator.Augmentation(
                Boolean.TRUE.equals(spec.options().get("augmentFlip")), Math.max(0, spec.intOption("augmentShift", 0)));
        return switch (id) {
            case DatasetCatalog.MNIST, DatasetCatalog.FASHION_MNIST, DatasetCatalog.CIFAR10 -> {
                Path folder = ensureFiles(id, ctx);
                SplitImages parts = ImageDatasets.load(id, imageFolder(id, folder));
                SplitImages split = SplitImages.official(parts.train(), parts.test(),
                        spec.split().validation() / spec.split().sum(), spec.seed());
                yield images(id, split, info.inputShapes(), augmentation, List.of());
            }
            case DatasetCatalog.IMAGES -> {
                TensorShape shape = input != null && input.kind() == TensorShape.Kind.IMAGE ? input
                        : TensorShape.image(28, 28, 1);
                ImageFolderImporter.Result r = ImageFolderImporter.load(ctx.resolve(requirePath(spec)),
                        shape.dim(0), shape.dim(1), shape.dim(2));
                TensorShape natural = TensorShape.image(shape.dim(0), shape.dim(1), shape.dim(2));
                yield images(id, r.images().split(spec.split(), spec.seed()),
                        List.of(natural, TensorShape.vector((int) natural.size())), augmentation, r.findings());
            }
            case DatasetCatalog.SENTIMENT -> {
                String language = DatasetCatalog.stringOption(spec, "language", "en");
                int length = spec.intOption("length", DatasetCatalog.DEFAULT_TEXT_LENGTH);
                int vocab = spec.intOption("vocab", DatasetCatalog.DEFAULT_SENTIMENT_VOCAB);
                TextDatasets.Encoded e = TextDatasets.splitAndEncode(TextDatasets.sentiment(language),
                        spec.split(), spec.seed(), length, vocab);
                yield text(id, e.split(), length, vocab, e.vocabulary());
            }
            case DatasetCatalog.IMDB -> {
                Path folder = ensureFiles(id, ctx);
                int length = spec.intOption("length", DatasetCatalog.DEFAULT_IMDB_LENGTH);
                int vocab = spec.intOption("vocab", DatasetCatalog.DEFAULT_IMDB_VOCAB);
                TextDatasets.ImdbParts p = TextDatasets.imdb(folder.resolve(DatasetFiles.IMDB_REVIEWS.name()),
                        length, vocab);
                int[][] trainParts = SplitExamples.indices(p.train().size(),
                        new org.layercanvas.model.Split(1 - validationFraction(spec), validationFraction(spec), 0),
                        spec.seed());
                SplitExamples split = new SplitExamples(p.train().select(trainParts[0]),
                        p.train().select(trainParts[1]), p.test());
                yield text(id, split, length, vocab, p.vocabulary());
            }
            case DatasetCatalog.CSV -> csv(spec, ctx);
            default -> {
                Examples all = load(spec);
                SplitExamples split = SplitExamples.split(all, spec.split(), spec.seed());
                Normalizer.Method method = normalization(spec);
                List<TensorShape> shapes = info.inputShapes().isEmpty()
                        ? List.of(TensorShape.vector(all.featureCount())) : info.inputShapes();
                List<String> featureNames = DatasetCatalog.isTabular(id) ? columnNames(all.featureCount()) : null;
                Normalizer n = method == Normalizer.Method.NONE ? null : Normalizer.fit(split.train(), method);
                yield new PreparedData(id, shaped(BatchSource.of(split.train(), n), shapes),
                        shaped(BatchSource.of(split.validation(), n), shapes),
                        shaped(BatchSource.of(split.test(), n), shapes), all.classNames(), shapes, augmentation,
                        List.of(), List.of(), featureNames, List.of());
            }
        };
    }

    private static double validationFraction(DatasetSpec spec) {
        return spec.split().validation() / spec.split().sum();
    }

    private static List<String> columnNames(int count) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            names.add("x" + (j + 1));
        }
        return names;
    }

    private static BatchSource shaped(BatchSource s, List<TensorShape> shapes) {
        return BatchSource.withShapes(s, shapes);
    }

    private static PreparedData images(String id, SplitImages split, List<TensorShape> shapes,
            StreamingIterator.Augmentation augmentation, List<Finding> findings) {
        return new PreparedData(id, shaped(BatchSource.of(split.train()), shapes),
                shaped(BatchSource.of(split.validation()), shapes), shaped(BatchSource.of(split.test()), shapes),
                split.train().classNames(), shapes, augmentation, findings, List.of(), null, List.of());
    }

    private static PreparedData text(String id, SplitExamples split, int length, int vocab,
            TextDatasets.Vocabulary vocabulary) {
        List<TensorShape> shapes = List.of(TensorShape.tokens(length, vocab));
        return new PreparedData(id, shaped(BatchSource.of(split.train()), shapes),
                shaped(BatchSource.of(split.validation()), shapes), shaped(BatchSource.of(split.test()), shapes),
                TextDatasets.SENTIMENT_CLASSES, shapes, StreamingIterator.Augmentation.NONE, List.of(),
                vocabulary.words(), null, List.of());
    }

    private static PreparedData csv(DatasetSpec spec, DataContext ctx) throws DatasetException {
        Path file = ctx.resolve(requirePath(spec));
        CsvTable table = CsvImporter.read(file);
        String label = DatasetCatalog.stringOption(spec, "label", "");
        label = label.isBlank() ? null : label.trim();
        CsvImport.Result r = CsvImport.toExamples(table, featureColumns(spec), label,
                CsvImport.MissingValues.FILL_TRAIN_MEAN);
        SplitExamples split = SplitExamples.split(r.examples(), spec.split(), spec.seed());
        Normalizer n = Normalizer.fit(split.train(), normalization(spec));
        List<TensorShape> shapes = List.of(TensorShape.vector(r.featureNames().size()));
        return new PreparedData(DatasetCatalog.CSV, shaped(BatchSource.of(split.train(), n), shapes),
                shaped(BatchSource.of(split.validation(), n), shapes), shaped(BatchSource.of(split.test(), n), shapes),
                r.examples().classNames(), shapes, StreamingIterator.Augmentation.NONE, r.findings(), List.of(),
                r.featureNames(), r.missing());
    }

    /** The {@code columns} option: feature column names separated by commas, or null for all but the label. */
    private static List<String> featureColumns(DatasetSpec spec) {
        String columns = DatasetCatalog.stringOption(spec, "columns", "");
        if (columns.isBlank()) {
            return null;
        }
        return java.util.Arrays.stream(columns.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String requirePath(DatasetSpec spec) throws DatasetException {
        String path = DatasetCatalog.stringOption(spec, "path", "");
        if (path.isBlank()) {
            throw DataMessages.error("dataset.needsPath", spec.id());
        }
        return path;
    }

    static Normalizer.Method normalization(DatasetSpec spec) {
        return switch (DatasetCatalog.stringOption(spec, "normalize", "none").toLowerCase(Locale.ROOT)) {
            case "minmax" -> Normalizer.Method.MIN_MAX;
            case "standardize" -> Normalizer.Method.STANDARDIZE;
            default -> Normalizer.Method.NONE;
        };
    }

    // ---- downloaded datasets ----

    /** The cache folder name of a downloadable dataset id. */
    public static String cacheName(String id) {
        return switch (id) {
            case DatasetCatalog.MNIST -> DatasetFiles.MNIST;
            case DatasetCatalog.FASHION_MNIST -> DatasetFiles.FASHION_MNIST;
            case DatasetCatalog.CIFAR10 -> DatasetFiles.CIFAR_10;
            case DatasetCatalog.IMDB -> DatasetFiles.IMDB;
            default -> throw new IllegalArgumentException("not a downloaded dataset: " + id);
        };
    }

    /** Whether the files of downloadable dataset {@code id} are in the cache (downloaded or placed by hand). */
    public static boolean isAvailable(String id, DataContext ctx) {
        return ready(id, ctx.cache().folderFor(cacheName(id)));
    }

    private static boolean ready(String id, Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        return switch (id) {
            case DatasetCatalog.MNIST, DatasetCatalog.FASHION_MNIST -> {
                for (String name : ImageDatasets.MNIST_FILES) {
                    if (ImageDatasets.find(folder, name) == null) {
                        yield false;
                    }
                }
                yield true;
            }
            case DatasetCatalog.CIFAR10 -> Files.isRegularFile(imageFolder(id, folder).resolve(Cifar10Reader.TEST_FILE));
            case DatasetCatalog.IMDB -> Files.isRegularFile(folder.resolve(DatasetFiles.IMDB_REVIEWS.name()));
            default -> false;
        };
    }

    private static Path imageFolder(String id, Path folder) {
        if (!DatasetCatalog.CIFAR10.equals(id)) {
            return folder;
        }
        Path inner = folder.resolve(CIFAR_FOLDER);
        return Files.isDirectory(inner) ? inner : folder;
    }

    /**
     * Makes the files of {@code id} available in the cache and returns its folder: files already there (also
     * placed by hand) are used; otherwise they are downloaded when allowed, else the error names each file, where
     * to get it and the folder to put it in. The CIFAR-10 archive is unpacked next to itself.
     */
    public static Path ensureFiles(String id, DataContext ctx) throws DatasetException, CancelledException {
        String name = cacheName(id);
        Path folder = ctx.cache().folderFor(name);
        if (ready(id, folder)) {
            return folder;
        }
        List<DatasetFile> files = DatasetFiles.of(name);
        if (DatasetCatalog.CIFAR10.equals(id) && Files.isRegularFile(folder.resolve(DatasetFiles.CIFAR_10_BINARY.name()))) {
            unpackCifar(folder, ctx);
            return folder;
        }
        if (!ctx.allowDownload()) {
            throw new DatasetException(DownloadMessages.format("download.notCached", id, folder, manualList(files)));
        }
        new Downloader(ctx.cache()).downloadAll(name, files, ctx.progress(), ctx.cancel());
        if (DatasetCatalog.CIFAR10.equals(id)) {
            unpackCifar(folder, ctx);
        }
        return folder;
    }

    private static String manualList(List<DatasetFile> files) {
        StringBuilder b = new StringBuilder();
        for (DatasetFile f : files) {
            b.append(DownloadMessages.format("download.manualLine", f.name(), String.join("\n      ",
                    f.urls().stream().map(java.net.URI::toString).toList())));
            b.append('\n');
        }
        return b.toString().stripTrailing();
    }

    /**
     * Unpacks {@code cifar-10-binary.tar.gz} into a temporary folder and renames it to {@link #CIFAR_FOLDER}, so a
     * cancelled or failed unpacking never leaves a half folder that looks complete.
     */
    static void unpackCifar(Path folder, DataContext ctx) throws DatasetException, CancelledException {
        Path archive = folder.resolve(DatasetFiles.CIFAR_10_BINARY.name());
        Path target = folder.resolve(CIFAR_FOLDER);
        Path temp;
        try {
            temp = Files.createTempDirectory(folder, CIFAR_FOLDER + ".");
        } catch (IOException e) {
            throw DownloadMessages.error("download.cannotWrite", folder, e.getMessage());
        }
        boolean done = false;
        try (InputStream file = Files.newInputStream(archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(file, 1 << 16))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (ctx.cancel().isCancelled()) {
                    throw new CancelledException(DownloadMessages.format("download.cancelled", archive.getFileName()));
                }
                String entryName = Path.of(e.getName()).getFileName().toString();
                if (!e.isFile() || !entryName.endsWith(".bin") && !entryName.endsWith(".txt")) {
                    continue;
                }
                Files.copy(tar, temp.resolve(entryName), StandardCopyOption.REPLACE_EXISTING);
            }
            if (!Files.isRegularFile(temp.resolve(Cifar10Reader.TEST_FILE))) {
                throw DataMessages.error("cifar.notArchive", archive);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            done = true;
        } catch (java.util.zip.ZipException e) {
            throw DataMessages.error("file.badGzip", archive, e.getMessage());
        } catch (java.io.EOFException e) {
            throw DataMessages.error("file.truncatedGzip", archive);
        } catch (IOException e) {
            throw DownloadMessages.error("download.cannotWrite", folder, e.getMessage());
        } finally {
            if (!done) {
                deleteTree(temp);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }

    /**
     * The document with relative {@code path} options made absolute against {@code baseFolder}, for handing it to a
     * process whose working folder differs (the training worker).
     */
    public static NetworkDocument withAbsolutePaths(NetworkDocument doc, Path baseFolder) {
        DatasetSpec ds = doc.dataset();
        if (ds == null || !(ds.options().get("path") instanceof String p) || p.isBlank() || baseFolder == null) {
            return doc;
        }
        Path path = Path.of(p);
        if (path.isAbsolute()) {
            return doc;
        }
        java.util.Map<String, Object> options = new java.util.LinkedHashMap<>(ds.options());
        options.put("path", baseFolder.toAbsolutePath().resolve(path).normalize().toString());
        return doc.withDataset(new DatasetSpec(ds.id(), options, ds.split(), ds.seed()));
    }
}

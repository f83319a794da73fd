package org.layercanvas.runtime.interop.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layercanvas.model.Node;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.ShapeInference;

/**
 * The one entry point of every import: reads a file, tells its format from its first bytes (not its name), and
 * returns a complete editable document or throws an {@link ImportException} naming every problem. Formats: Keras
 * architecture JSON ({@code model.to_json()}), Keras full-model HDF5 ({@code .h5}/{@code .hdf5}, weights kept),
 * Keras 3 {@code .keras} archive (weights kept), DL4J model zip (ComputationGraph or MultiLayerNetwork, weights
 * kept) and Mermaid flowchart text.
 */
public final class Importers {
    /** Text formats (JSON, Mermaid) are read whole; larger files are refused before reading. */
    public static final long MAX_TEXT_BYTES = KerasJson.MAX_CHARS;
    private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] LFS = "version ".getBytes(StandardCharsets.US_ASCII);
    private static final String LFS_POINTER = "version https://git-lfs.";

    private Importers() {
    }

    public static ImportResult read(Path file) throws ImportException {
        String where = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return DatasetGuess.apply(readNetwork(file, where), where);
    }

    private static ImportResult readNetwork(Path file, String where) throws ImportException {
        if (Files.isDirectory(file)) {
            throw ImportException.unreadable(where, ImportMessages.format("file.isDirectory"));
        }
        byte[] head;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw ImportException.unreadable(where, ImportMessages.format("file.notFound"));
        } catch (IOException e) {
            throw ImportException.unreadable(where, ImportMessages.format("file.unreadable", e.getMessage()));
        }
        if (size == 0) {
            throw ImportException.unreadable(where, ImportMessages.format("file.empty"));
        }
        if (startsWith(head, LFS) && size < 1024 && text(file, where, size).startsWith(LFS_POINTER)) {
            // what a clone without Git LFS, or a "raw" link, gives for a model kept in LFS
            throw ImportException.unreadable(where, ImportMessages.format("file.gitLfsPointer"));
        }
        String title = stem(where);
        if (startsWith(head, HDF5)) {
            return keras(file, where, title);
        }
        if (startsWith(head, ZIP)) {
            return Dl4jZipImporter.read(file, where, title);
        }
        if (lower(where).endsWith(".h5") || lower(where).endsWith(".hdf5")) {
            throw ImportException.unreadable(where, ImportMessages.format("h5.noSignature"));
        }
        String text = text(file, where, size);
        String start = text.stripLeading();
        if (start.startsWith("{") || start.startsWith("[") || start.startsWith("\"")) {
            return new KerasImporter(where).read(KerasJson.parse(text, where), title, null);
        }
        if (MermaidImporter.looksLikeMermaid(text)) {
            return new MermaidImporter(where).read(text, title);
        }
        throw ImportException.unreadable(where, ImportMessages.format("file.unknownFormat"));
    }

    private static ImportResult keras(Path file, String where, String title) throws ImportException {
        KerasH5.Contents h5 = KerasH5.read(file, where);
        KerasJson.Parsed config = KerasJson.parse(h5.modelConfig(), where);
        ImportResult architecture = new KerasImporter(where).read(config, title, h5.lossHint());
        if (h5.weightCounts().isEmpty()) {
            return architecture;
        }
        return withKerasWeights(architecture, h5.weightCounts(), KerasWeights.notLoadable(file, where),
                ImportedWeights.Format.KERAS_H5, file, where);
    }

    /**
     * An imported Keras architecture with the file that holds its weights kept, unless a layer's weights would
     * predict differently here ({@link KerasWeights#notLoadable}: a warning per layer, nothing kept). A layer whose count
     * differs from its parameter count gets a warning (loading the weights then fails).
     */
    static ImportResult withKerasWeights(ImportResult architecture, Map<String, Long> held,
                                         Map<String, String> notLoadable, ImportedWeights.Format format, Path file,
                                         String where) {
        List<ImportProblem> warnings = new ArrayList<>(architecture.warnings());
        notLoadable.forEach((layer, why) -> warnings.add(new ImportProblem(
                ImportMessages.format("where.layer", where, layer), ImportMessages.format("weights.notKept", why))));
        Map<String, Long> counts = new LinkedHashMap<>();
        Analysis analysis = new ShapeInference(LayerCatalog.standard()).analyze(architecture.document());
        for (Node n : architecture.document().nodes()) {
            long count = held.getOrDefault(n.id(), 0L);
            long expected = analysis.paramCount(n.id());
            if (count != expected) {
                warnings.add(new ImportProblem(ImportMessages.format("where.layer", where, n.id()),
                        ImportMessages.format("weights.countMismatch", count, expected)));
            }
            counts.put(n.id(), count);
        }
        ImportedWeights weights = notLoadable.isEmpty() ? new ImportedWeights(format, file, counts) : null;
        return new ImportResult(architecture.document(), warnings, weights);
    }

    private static String text(Path file, String where, long size) throws ImportException {
        if (size > MAX_TEXT_BYTES) {
            throw ImportException.unreadable(where, ImportMessages.format("file.tooLarge", size, MAX_TEXT_BYTES));
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString()
                    .replaceFirst("^\uFEFF", "");
        } catch (CharacterCodingException e) {
            throw ImportException.unreadable(where, ImportMessages.format("file.notUtf8"));
        } catch (IOException e) {
            throw ImportException.unreadable(where, ImportMessages.format("file.unreadable", e.getMessage()));
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String lower(String s) {
        return s.toLowerCase(java.util.Locale.ROOT);
    }
}

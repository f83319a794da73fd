package org.layercanvas.runtime.interop.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;

/**
 * A DL4J model zip ({@code ModelSerializer}: a run folder's {@code model.zip}, or any ComputationGraph or
 * MultiLayerNetwork saved by DL4J) to a document, its weights kept. The zip is checked before anything is read:
 * an entry named with {@code ../} or an absolute path refuses the whole file. The configuration is read with
 * DL4J's own JSON reader; the parameters are not loaded (no ND4J arrays): the zip is kept as the weights file.
 */
final class Dl4jZipImporter {
    static final String CONFIGURATION = "configuration.json";
    static final String COEFFICIENTS = "coefficients.bin";
    private static final int MAX_ENTRIES = 10_000;

    private Dl4jZipImporter() {
    }

    static ImportResult read(Path file, String where, String title) throws ImportException {
        String json;
        boolean hasWeights;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            checkEntries(zip, where);
            ZipEntry config = zip.getEntry(CONFIGURATION);
            if (KerasArchive.isArchive(zip)) {
                return kerasArchive(zip, file, where, title);
            }
            if (config == null) {
                throw ImportException.unreadable(where, ImportMessages.format("zip.noConfiguration"));
            }
            json = text(zip, config, where);
            hasWeights = zip.getEntry(COEFFICIENTS) != null;
        } catch (IOException e) {
            throw ImportException.unreadable(where, ImportMessages.format("zip.unreadable", e.getMessage()));
        }
        Dl4jGraph graph = configuration(json, where);
        return new Dl4jDocument(graph, where).build(title, hasWeights ? file : null);
    }

    /**
     * A Keras 3 {@code .keras} archive: its {@code config.json} is the same architecture JSON as {@code to_json()};
     * the archive is kept as the weights file when it holds {@code model.weights.h5} ({@link KerasArchive}).
     */
    private static ImportResult kerasArchive(ZipFile zip, Path file, String where, String title)
            throws IOException, ImportException {
        KerasJson.Parsed parsed = KerasJson.parse(KerasArchive.configuration(zip, where), where);
        ImportResult r = new KerasImporter(where).read(parsed, title,
                KerasOutputs.lossHint(parsed.root().path("compile_config").path("loss")));
        byte[] weights = KerasArchive.weightsFile(zip, where);
        if (weights == null) {
            List<ImportProblem> warnings = new ArrayList<>(r.warnings());
            warnings.add(new ImportProblem(where, ImportMessages.format("keras.archiveWeights")));
            return new ImportResult(r.document(), warnings, null);
        }
        Map<String, Long> counts = KerasArchive.counts(weights, KerasArchive.slots(parsed.root(), where), where);
        return Importers.withKerasWeights(r, counts, KerasWeights.notLoadable(parsed.root(), true),
                ImportedWeights.Format.KERAS_ARCHIVE, file, where);
    }

    /** Refuses a zip whose entry names could escape a folder it is unpacked into, or that has too many entries. */
    static void checkEntries(ZipFile zip, String where) throws ImportException {
        List<ImportProblem> bad = new ArrayList<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        int count = 0;
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            if (++count > MAX_ENTRIES) {
                throw ImportException.unreadable(where, ImportMessages.format("zip.tooManyEntries", MAX_ENTRIES));
            }
            if (unsafe(name)) {
                bad.add(new ImportProblem(where, ImportMessages.format("zip.unsafeEntry", name)));
            }
        }
        if (!bad.isEmpty()) {
            throw new ImportException(true, bad);
        }
    }

    /** An absolute path, a drive letter, or a {@code ..} segment (with either separator). */
    static boolean unsafe(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    static String text(ZipFile zip, ZipEntry entry, String where) throws IOException, ImportException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) KerasJson.MAX_CHARS + 1);
            if (bytes.length > KerasJson.MAX_CHARS) {
                throw ImportException.unreadable(where, ImportMessages.format("zip.configurationTooLarge",
                        KerasJson.MAX_CHARS));
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static Dl4jGraph configuration(String json, String where) throws ImportException {
        KerasJson.Parsed parsed = KerasJson.parse(json, where);
        try {
            if (parsed.root().has("vertices")) {
                return Dl4jGraph.of(ComputationGraphConfiguration.fromJson(json));
            }
            if (parsed.root().has("confs")) {
                return Dl4jGraph.of(MultiLayerConfiguration.fromJson(json));
            }
        } catch (RuntimeException e) {
            throw ImportException.unreadable(where, ImportMessages.format("zip.badConfiguration",
                    String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
        }
        throw ImportException.unreadable(where, ImportMessages.format("zip.notModel"));
    }
}

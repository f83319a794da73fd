package org.layercanvas.app.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentFormatException;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.runtime.RuntimeInfo;

/**
 * Every training run keeps a folder under {@code <data>/runs}: {@code document.lcnet} (the network as it was
 * trained), {@code provenance.json} (when, document hash, seed, dataset and split, versions, device),
 * {@code events.jsonl} (every event, as the worker sent it), {@code summary.json} (how it ended) and
 * {@code model.zip} (the trained model, when saved). Plain files, so that a student can find and keep them.
 */
public final class RunStore {
    public static final String DOCUMENT = "document.lcnet";
    public static final String PROVENANCE = "provenance.json";
    public static final String EVENTS = "events.jsonl";
    public static final String SUMMARY = "summary.json";
    public static final String MODEL = "model.zip";
    private static final DateTimeFormatter FOLDER_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final Path dir;
    private final ObjectMapper mapper = new ObjectMapper();

    public RunStore(Path dataDir) {
        this.dir = dataDir.resolve("runs");
    }

    public Path folder() {
        return dir;
    }

    /** A summary of one stored run, for the run list. */
    public record RunInfo(Path folder, String title, Instant created, String status, double testAccuracy,
                          double testLoss, int epochs, String device) {
        public String id() {
            return folder.getFileName().toString();
        }
    }

    /** Starts the folder of a new run. */
    public Run create(NetworkDocument doc, String device) throws IOException {
        Instant now = Instant.now();
        String slug = doc.metadata().title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        Path folder = dir.resolve(FOLDER_TIME.format(now) + (slug.isEmpty() ? "" : "-" + slug));
        for (int i = 2; Files.exists(folder); i++) {
            folder = dir.resolve(FOLDER_TIME.format(now) + "-" + slug + "-" + i);
        }
        Files.createDirectories(folder);
        String json = DocumentJson.write(doc);
        Files.writeString(folder.resolve(DOCUMENT), json, StandardCharsets.UTF_8);
        ObjectNode p = mapper.createObjectNode();
        p.put("title", doc.metadata().title());
        p.put("created", now.toString());
        p.put("documentSha256", sha256(json));
        p.put("seed", doc.training().seed());
        if (doc.dataset() != null) {
            p.put("dataset", doc.dataset().id());
            p.set("datasetOptions", mapper.valueToTree(doc.dataset().options()));
            p.put("datasetSeed", doc.dataset().seed());
            p.set("split", mapper.valueToTree(doc.dataset().split()));
        }
        p.put("device", device);
        p.put("layercanvasVersion", RuntimeInfo.version());
        p.put("dl4jVersion", RuntimeInfo.dl4jVersion());
        p.put("java", System.getProperty("java.version"));
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        Files.writeString(folder.resolve(PROVENANCE), p.toPrettyString(), StandardCharsets.UTF_8);
        return new Run(folder, mapper);
    }

    /** Runs, newest first. Folders that are not runs (or are damaged) are left out. */
    public List<RunInfo> list() throws IOException {
        List<RunInfo> runs = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return runs;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path f : folders) {
                RunInfo info = read(f);
                if (info != null) {
                    runs.add(info);
                }
            }
        }
        runs.sort(Comparator.comparing(RunInfo::created).reversed());
        return runs;
    }

    private RunInfo read(Path folder) {
        try {
            JsonNode p = mapper.readTree(folder.resolve(PROVENANCE).toFile());
            JsonNode s = Files.isRegularFile(folder.resolve(SUMMARY))
                    ? mapper.readTree(folder.resolve(SUMMARY).toFile()) : mapper.createObjectNode();
            return new RunInfo(folder, p.path("title").asText(""), Instant.parse(p.path("created").asText()),
                    s.path("status").asText("unfinished"), s.path("testAccuracy").asDouble(Double.NaN),
                    s.path("testLoss").asDouble(Double.NaN), s.path("epochs").asInt(0),
                    p.path("device").asText(""));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public NetworkDocument document(RunInfo run) throws IOException, DocumentFormatException {
        return DocumentJson.read(run.folder().resolve(DOCUMENT));
    }

    /** The run's event lines, as written. */
    public List<String> eventLines(RunInfo run) throws IOException {
        Path events = run.folder().resolve(EVENTS);
        return Files.isRegularFile(events) ? Files.readAllLines(events, StandardCharsets.UTF_8) : List.of();
    }

    /** Deletes a run's folder and everything in it. */
    public void delete(RunInfo run) throws IOException {
        if (!run.folder().startsWith(dir)) {
            throw new IOException("not a run folder: " + run.folder());
        }
        try (Stream<Path> walk = Files.walk(run.folder())) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A run being recorded. Appends are cheap (buffered); call {@link #finish} at the end. */
    public static final class Run implements Closeable {
        private final Path folder;
        private final ObjectMapper mapper;
        private final BufferedWriter events;

        Run(Path folder, ObjectMapper mapper) throws IOException {
            this.folder = folder;
            this.mapper = mapper;
            this.events = Files.newBufferedWriter(folder.resolve(EVENTS), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }

        public Path folder() {
            return folder;
        }

        public Path modelPath() {
            return folder.resolve(MODEL);
        }

        public void append(String eventLine) throws IOException {
            events.write(eventLine);
            events.newLine();
        }

        public void flush() throws IOException {
            events.flush();
        }

        /** Writes how the run ended: {@code completed}, {@code stopped}, {@code early-stopped}, {@code failed}... */
        public void finish(String status, double testAccuracy, double testLoss, int epochs, String message)
                throws IOException {
            events.flush();
            ObjectNode s = mapper.createObjectNode();
            s.put("status", status);
            s.put("testAccuracy", testAccuracy);
            s.put("testLoss", testLoss);
            s.put("epochs", epochs);
            if (message != null) {
                s.put("message", message);
            }
            s.put("finished", Instant.now().toString());
            Files.writeString(folder.resolve(SUMMARY), s.toPrettyString(), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            events.close();
        }
    }
}

package org.layercanvas.runtime.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.layercanvas.model.Split;

/**
 * Labelled text turned into fixed-length token sequences for an Embedding + LSTM network: the bundled two-language
 * sentiment set and the IMDB reviews archive.
 *
 * <p>Tokens: English-like text is lower-cased and split into runs of letters, digits and apostrophes; every
 * Chinese, Japanese or Korean character is a token of its own (no word segmentation needed, which suits a
 * teaching tool). The vocabulary is built from the <em>training split only</em>: id 0 pads, id 1 stands for a word
 * not in the vocabulary, then the most frequent training words (ties broken alphabetically, so it is
 * deterministic). A sequence keeps the <em>last</em> {@code length} tokens and is padded at the front, so that a
 * recurrent layer reading left to right ends on real words.
 */
public final class TextDatasets {
    public static final List<String> SENTIMENT_CLASSES = List.of("negative", "positive");
    public static final String PAD = "<pad>";
    public static final String UNKNOWN = "<unk>";
    static final String SENTIMENT_RESOURCE = "/org/layercanvas/samples/datasets/sentiment/sentiment-%s.tsv";

    private TextDatasets() {
    }

    /** Texts with their class (index into {@link #SENTIMENT_CLASSES}). */
    public record Labelled(List<String> texts, int[] labels, String source) {
        public Labelled {
            texts = List.copyOf(texts);
            if (texts.size() != labels.length) {
                throw new IllegalArgumentException(texts.size() + " texts but " + labels.length + " labels");
            }
        }

        public int size() {
            return labels.length;
        }

        public Labelled select(int[] indices) {
            List<String> t = new ArrayList<>(indices.length);
            int[] y = new int[indices.length];
            for (int i = 0; i < indices.length; i++) {
                t.add(texts.get(indices[i]));
                y[i] = labels[indices[i]];
            }
            return new Labelled(t, y, source);
        }
    }

    /** A token vocabulary: {@code words.get(id)}; ids 0 and 1 are {@link #PAD} and {@link #UNKNOWN}. */
    public record Vocabulary(List<String> words, Map<String, Integer> ids) {
        public Vocabulary {
            words = List.copyOf(words);
            ids = Map.copyOf(ids);
        }

        /** The vocabulary of these words by id (ids 0 and 1 are {@link #PAD} and {@link #UNKNOWN}). */
        public static Vocabulary of(List<String> words) {
            Map<String, Integer> ids = new HashMap<>();
            for (int k = 2; k < words.size(); k++) {
                ids.put(words.get(k), k);
            }
            return new Vocabulary(words, ids);
        }

        public int size() {
            return words.size();
        }

        public int id(String token) {
            return ids.getOrDefault(token, 1);
        }
    }

    /** The tokens of {@code text}, as described in the class comment. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        String s = text.toLowerCase(Locale.ROOT).replace("<br />", " ").replace("<br/>", " ");
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isCjk(cp)) {
                flush(word, out);
                out.add(new String(Character.toChars(cp)));
            } else if (Character.isLetterOrDigit(cp) || (cp == '\'' && word.length() > 0)) {
                word.appendCodePoint(cp);
            } else {
                flush(word, out);
            }
        }
        flush(word, out);
        return out;
    }

    private static void flush(StringBuilder word, List<String> out) {
        if (word.length() > 0) {
            int end = word.length();
            while (end > 0 && word.charAt(end - 1) == '\'') {
                end--;
            }
            if (end > 0) {
                out.add(word.substring(0, end));
            }
            word.setLength(0);
        }
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /** The {@code size - 2} most frequent tokens of {@code texts} after {@link #PAD} and {@link #UNKNOWN}. */
    public static Vocabulary vocabulary(List<String> texts, int size) {
        Map<String, Integer> counts = new HashMap<>();
        for (String t : texts) {
            for (String token : tokens(t)) {
                counts.merge(token, 1, Integer::sum);
            }
        }
        return vocabulary(counts, size);
    }

    static Vocabulary vocabulary(Map<String, Integer> counts, int size) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> words = new ArrayList<>(List.of(PAD, UNKNOWN));
        Map<String, Integer> ids = new HashMap<>();
        for (Map.Entry<String, Integer> e : entries) {
            if (words.size() >= size) {
                break;
            }
            ids.put(e.getKey(), words.size());
            words.add(e.getKey());
        }
        return new Vocabulary(words, ids);
    }

    /** One example's token ids as floats: the last {@code length} tokens, padded with 0 at the front. */
    public static float[] encode(String text, Vocabulary vocab, int length) {
        List<String> tokens = tokens(text);
        float[] row = new float[length];
        int take = Math.min(length, tokens.size());
        int from = tokens.size() - take;
        for (int k = 0; k < take; k++) {
            row[length - take + k] = vocab.id(tokens.get(from + k));
        }
        return row;
    }

    /** Encodes every text; the class names are {@link #SENTIMENT_CLASSES}. */
    public static Examples encode(Labelled data, Vocabulary vocab, int length) {
        float[][] x = new float[data.size()][];
        for (int i = 0; i < data.size(); i++) {
            x[i] = encode(data.texts().get(i), vocab, length);
        }
        return new Examples(x, data.labels().clone(), SENTIMENT_CLASSES);
    }

    /** Training, validation and test examples with the vocabulary built on training. */
    public record Encoded(SplitExamples split, Vocabulary vocabulary) {
    }

    /** Splits {@code data} as {@link SplitExamples#split} would, builds the vocabulary on training and encodes. */
    public static Encoded splitAndEncode(Labelled data, Split split, long seed, int length, int vocabSize) {
        int[][] parts = SplitExamples.indices(data.size(), split, seed);
        Labelled train = data.select(parts[0]);
        Vocabulary vocab = vocabulary(train.texts(), vocabSize);
        return new Encoded(new SplitExamples(encode(train, vocab, length), encode(data.select(parts[1]), vocab, length),
                encode(data.select(parts[2]), vocab, length)), vocab);
    }

    /** The bundled sentiment set in {@code language} ({@code en} or {@code zh}). */
    public static Labelled sentiment(String language) throws DatasetException {
        String resource = String.format(Locale.ROOT, SENTIMENT_RESOURCE, language);
        InputStream in = TextDatasets.class.getResourceAsStream(resource);
        if (in == null) {
            throw DataMessages.error("text.noSentiment", language);
        }
        try (in) {
            return readTsv(in, resource);
        } catch (IOException e) {
            throw DataMessages.error("file.unreadable", resource, e.getMessage());
        }
    }

    /**
     * Reads {@code label<TAB>text} lines after a header line; labels {@code positive} / {@code negative} (also
     * {@code pos} / {@code neg}, {@code 1} / {@code 0}).
     */
    static Labelled readTsv(InputStream in, String source) throws IOException, DatasetException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String> texts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        String line = r.readLine();
        int lineNo = 1;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw DataMessages.error("text.badLine", source, lineNo);
            }
            String label = line.substring(0, tab).trim().toLowerCase(Locale.ROOT);
            int y = switch (label) {
                case "positive", "pos", "1" -> 1;
                case "negative", "neg", "0" -> 0;
                default -> throw DataMessages.error("text.badLabel", source, lineNo, label);
            };
            texts.add(line.substring(tab + 1));
            labels.add(y);
        }
        return new Labelled(texts, labels.stream().mapToInt(Integer::intValue).toArray(), source);
    }

    /** IMDB's official parts, each encoded with the vocabulary of its training reviews. */
    public record ImdbParts(Examples train, Examples test, Vocabulary vocabulary) {
    }

    /**
     * Reads {@code aclImdb_v1.tar.gz} (the Large Movie Review Dataset): {@code aclImdb/train/pos|neg/*.txt} and
     * {@code aclImdb/test/pos|neg/*.txt}; the unlabelled reviews are skipped. Two passes over the archive, so that
     * no list of all tokens is ever held: the first counts the training words, the second encodes. The result is
     * kept next to the archive ({@code aclImdb-encoded-L<length>-V<vocab>.bin}, written atomically) and used by
     * later loads while it is newer than the archive.
     */
    public static ImdbParts imdb(Path archive, int length, int vocabSize) throws DatasetException {
        Path encoded = archive.resolveSibling(String.format(Locale.ROOT, "aclImdb-encoded-L%d-V%d.bin", length,
                vocabSize));
        try {
            if (Files.isRegularFile(encoded)
                    && Files.getLastModifiedTime(encoded).compareTo(Files.getLastModifiedTime(archive)) >= 0) {
                return readEncoded(encoded, length);
            }
        } catch (IOException | RuntimeException e) {
            // A damaged or foreign file: encode again and replace it.
        }
        ImdbParts parts = encodeImdb(archive, length, vocabSize);
        try {
            writeEncoded(parts, encoded, length);
        } catch (IOException e) {
            // Only a speed-up: a read-only cache folder still trains, reading the archive each time.
        }
        return parts;
    }

    private static final int ENCODED_MAGIC = 0x4C43494D; // "LCIM"

    /** The encoded reviews as a file: the vocabulary, then each part's labels and token ids. */
    static void writeEncoded(ImdbParts parts, Path file, int length) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
                Files.newOutputStream(temp), 1 << 16))) {
            out.writeInt(ENCODED_MAGIC);
            out.writeInt(length);
            out.writeInt(parts.vocabulary().size());
            for (String w : parts.vocabulary().words()) {
                out.writeUTF(w);
            }
            for (Examples ex : List.of(parts.train(), parts.test())) {
                out.writeInt(ex.size());
                for (int i = 0; i < ex.size(); i++) {
                    out.writeByte(ex.labels()[i]);
                    for (float id : ex.features()[i]) {
                        out.writeInt((int) id);
                    }
                }
            }
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static ImdbParts readEncoded(Path file, int length) throws IOException {
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(
                Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != ENCODED_MAGIC || in.readInt() != length) {
                throw new IOException("not an encoded IMDB file for length " + length);
            }
            int n = in.readInt();
            List<String> words = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                words.add(in.readUTF());
            }
            Examples[] parts = new Examples[2];
            for (int p = 0; p < 2; p++) {
                int size = in.readInt();
                float[][] x = new float[size][length];
                int[] y = new int[size];
                for (int i = 0; i < size; i++) {
                    y[i] = in.readByte();
                    for (int t = 0; t < length; t++) {
                        x[i][t] = in.readInt();
                    }
                }
                parts[p] = new Examples(x, y, SENTIMENT_CLASSES);
            }
            return new ImdbParts(parts[0], parts[1], Vocabulary.of(words));
        }
    }

    private static ImdbParts encodeImdb(Path archive, int length, int vocabSize) throws DatasetException {
        Map<String, Integer> counts = new HashMap<>();
        forEachReview(archive, (train, label, text) -> {
            if (train) {
                for (String token : tokens(text)) {
                    counts.merge(token, 1, Integer::sum);
                }
            }
        });
        if (counts.isEmpty()) {
            throw DataMessages.error("text.imdbEmpty", archive);
        }
        Vocabulary vocab = vocabulary(counts, vocabSize);
        List<float[]> trainX = new ArrayList<>();
        List<float[]> testX = new ArrayList<>();
        List<Integer> trainY = new ArrayList<>();
        List<Integer> testY = new ArrayList<>();
        forEachReview(archive, (train, label, text) -> {
            (train ? trainX : testX).add(encode(text, vocab, length));
            (train ? trainY : testY).add(label);
        });
        return new ImdbParts(examples(trainX, trainY), examples(testX, testY), vocab);
    }

    private static Examples examples(List<float[]> x, List<Integer> y) {
        return new Examples(x.toArray(new float[0][]), y.stream().mapToInt(Integer::intValue).toArray(),
                SENTIMENT_CLASSES);
    }

    private interface ReviewConsumer {
        void accept(boolean train, int label, String text);
    }

    private static void forEachReview(Path archive, ReviewConsumer consumer) throws DatasetException {
        if (!Files.isRegularFile(archive)) {
            throw DataMessages.error("file.missing", archive);
        }
        try (InputStream file = Files.newInputStream(archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(file, 1 << 16))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (!e.isFile() || !e.getName().endsWith(".txt")) {
                    continue;
                }
                String[] parts = e.getName().split("/");
                if (parts.length < 4) {
                    continue;
                }
                String part = parts[parts.length - 3];
                String polarity = parts[parts.length - 2];
                boolean train = part.equals("train");
                if ((!train && !part.equals("test")) || !(polarity.equals("pos") || polarity.equals("neg"))) {
                    continue;
                }
                byte[] bytes = tar.readAllBytes();
                consumer.accept(train, polarity.equals("pos") ? 1 : 0, new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (java.util.zip.ZipException e) {
            throw DataMessages.error("file.badGzip", archive, e.getMessage());
        } catch (java.io.EOFException e) {
            throw DataMessages.error("file.truncatedGzip", archive);
        } catch (IOException e) {
            throw DataMessages.error("file.unreadable", archive, e.getMessage());
        }
    }

    /** For tests and previews: the classes' counts in {@code labels}. */
    static int[] counts(int[] labels) {
        int[] c = new int[2];
        Arrays.stream(labels).forEach(y -> c[y]++);
        return c;
    }
}

package org.layercanvas.app.start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.layercanvas.app.Messages;
import org.layercanvas.i18n.Numbers;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.data.DatasetCatalog;
import org.layercanvas.model.io.DocumentFormatException;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.samples.Samples;

/**
 * The start screen's content: a card per bundled sample (title, what it teaches, dataset, what it reaches and how
 * long it takes, the network for its picture) and the recent files. Tested without a stage.
 */
public final class StartViewModel {
    /**
     * One sample as its card shows it.
     *
     * @param reaches "95 % in 3 s" (or "about 97 % (stated)" for downloaded data), empty when unknown
     * @param download whether the dataset is downloaded on first use
     */
    public record SampleCard(String name, String title, String teaches, String dataset, String reaches,
                             boolean download, NetworkDocument document) {
    }

    private final List<SampleCard> cards;
    private final Supplier<List<Path>> recent;

    public StartViewModel(Supplier<List<Path>> recent) {
        this.recent = recent;
        List<SampleCard> list = new ArrayList<>();
        for (String name : Samples.names()) {
            list.add(card(name));
        }
        this.cards = List.copyOf(list);
    }

    private static SampleCard card(String name) {
        NetworkDocument doc;
        try {
            doc = DocumentJson.read(Samples.text(name).orElseThrow(), name);
        } catch (DocumentFormatException e) {
            throw new IllegalStateException("bundled sample " + name + " is broken: " + e.getMessage(), e);
        }
        String dataset = doc.dataset() == null ? "" : doc.dataset().id();
        boolean download = DatasetCatalog.DOWNLOADED.contains(dataset);
        String reaches = Samples.expected(name).map(e -> e.measured()
                ? Messages.get("start.reaches", Numbers.percent(e.accuracy()), duration(e.seconds()))
                : Messages.get("start.reaches.stated", Numbers.percent(e.accuracy()), duration(e.seconds())))
                .orElse("");
        return new SampleCard(name, doc.metadata().title(), firstSentences(doc.metadata().description(), 2),
                dataset, reaches, download, doc);
    }

    /** "3 s", "2 min", "1 h". */
    static String duration(int seconds) {
        if (seconds < 90) {
            return Messages.get("start.seconds", seconds);
        }
        if (seconds < 3600) {
            return Messages.get("start.minutes", Math.round(seconds / 60.0));
        }
        return Messages.get("start.hours", Math.round(seconds / 3600.0));
    }

    /** The first {@code n} sentences of a description (it ends a sentence with ". " or "。"). */
    static String firstSentences(String text, int n) {
        int end = 0;
        for (int i = 0; i < n; i++) {
            int dot = nextSentenceEnd(text, end);
            if (dot < 0) {
                return text.strip();
            }
            end = dot + 1;
        }
        return text.substring(0, end).strip();
    }

    private static int nextSentenceEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u3002' || c == '.' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')
                    && !(i > 0 && Character.isDigit(text.charAt(i - 1)) && i + 1 < text.length()
                    && Character.isDigit(text.charAt(Math.min(i + 2, text.length() - 1))))) {
                return i;
            }
        }
        return -1;
    }

    public List<SampleCard> cards() {
        return cards;
    }

    /** The recent files that still exist, newest first. */
    public List<Path> recentFiles() {
        return recent.get().stream().filter(p -> p.toFile().isFile()).toList();
    }
}

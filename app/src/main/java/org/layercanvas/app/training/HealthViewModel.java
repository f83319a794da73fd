package org.layercanvas.app.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.layercanvas.app.Messages;
import org.layercanvas.i18n.Numbers;
import org.layercanvas.runtime.train.HealthVerdict;
import org.layercanvas.runtime.train.TrainingEvent;

/**
 * Step mode's findings as the window shows them: for every layer of the last stepped minibatch a short line
 * (mean and spread of its output, its gradient's size), how it reads (fine, worth a look, broken) and a sentence
 * that explains the verdict; and a summary line for the dashboard. Fed by the training view model's events;
 * cleared when a run starts or resumes (the numbers describe one paused step). No JavaFX nodes.
 */
public final class HealthViewModel implements Consumer<TrainingEvent> {
    /** How a layer's line reads. */
    public enum Level { GOOD, WARNING, BAD }

    /** One layer: {@code nodeId} is the document's node. */
    public record LayerReport(String nodeId, String line, Level level, String explanation) {
    }

    private final Executor ui;
    private final ReadOnlyObjectWrapper<List<LayerReport>> layers =
            new ReadOnlyObjectWrapper<>(this, "layers", List.of());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    public HealthViewModel(Executor ui) {
        this.ui = ui;
    }

    @Override
    public void accept(TrainingEvent event) {
        if (event instanceof TrainingEvent.Health h) {
            List<LayerReport> reports = reports(h);
            String text = summaryOf(h, reports);
            ui.execute(() -> {
                layers.set(reports);
                summary.set(text);
            });
        } else if (event instanceof TrainingEvent.Started || event instanceof TrainingEvent.Resumed) {
            ui.execute(() -> {
                layers.set(List.of());
                summary.set("");
            });
        }
    }

    static List<LayerReport> reports(TrainingEvent.Health h) {
        List<LayerReport> out = new ArrayList<>();
        for (TrainingEvent.LayerHealth l : h.layers()) {
            String numbers = Double.isNaN(l.gradientNorm())
                    ? Messages.get("health.lineNoGradient", num(l.activationMean()), num(l.activationStd()))
                    : Messages.get("health.line", num(l.activationMean()), num(l.activationStd()),
                    num(l.gradientNorm()));
            String line = l.verdict() == HealthVerdict.OK ? numbers
                    : Messages.get("health.flagged", Messages.get("health.verdict." + l.verdict().wireName()), numbers);
            out.add(new LayerReport(l.layer(), line, level(l.verdict()), explanation(l)));
        }
        return List.copyOf(out);
    }

    static Level level(HealthVerdict v) {
        return switch (v) {
            case OK -> Level.GOOD;
            case SATURATED, VANISHING -> Level.WARNING;
            case DEAD, EXPLODING, NOT_FINITE -> Level.BAD;
        };
    }

    private static String explanation(TrainingEvent.LayerHealth l) {
        String key = "health.explain." + l.verdict().wireName();
        return switch (l.verdict()) {
            case DEAD -> Messages.get(key, Numbers.percent(l.deadFraction()));
            case SATURATED -> Messages.get(key, Numbers.percent(l.saturatedFraction()));
            case EXPLODING, VANISHING -> Messages.get(key, num(l.gradientNorm()));
            case NOT_FINITE, OK -> Messages.get(key);
        };
    }

    private static String summaryOf(TrainingEvent.Health h, List<LayerReport> reports) {
        List<String> flagged = reports.stream().filter(r -> r.level() != Level.GOOD).map(LayerReport::nodeId)
                .toList();
        return flagged.isEmpty()
                ? Messages.get("health.summary.fine", h.iteration(), h.epoch(), num(h.loss()))
                : Messages.get("health.summary.flagged", h.iteration(), h.epoch(), num(h.loss()), flagged.size(),
                String.join(", ", flagged));
    }

    /** Three significant digits; very small values (a vanishing gradient) with an exponent: {@code 3.2e-09}. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return Numbers.plain(v);
        }
        return v != 0 && Math.abs(v) < 1e-3 ? String.format(java.util.Locale.ROOT, "%.1e", v)
                : Numbers.significant(v, 3);
    }

    /** The layers of the last stepped minibatch, in the order the network computes them (empty: none shown). */
    public ReadOnlyObjectProperty<List<LayerReport>> layersProperty() {
        return layers.getReadOnlyProperty();
    }

    /** One line on the last step for the dashboard, or empty. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}

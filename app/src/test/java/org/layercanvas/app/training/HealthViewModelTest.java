package org.layercanvas.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.layercanvas.runtime.train.HealthVerdict;
import org.layercanvas.runtime.train.TrainingEvent;

/** Step mode's findings as lines, levels and sentences, from health events, without a stage. */
@org.junit.jupiter.api.extension.ExtendWith(org.layercanvas.app.testutil.EnglishLocale.class)
class HealthViewModelTest {
    private final HealthViewModel model = new HealthViewModel(Runnable::run);


    private static TrainingEvent.Health health() {
        return new TrainingEvent.Health(2, 31, 0.4123, List.of(
                new TrainingEvent.LayerHealth("hidden", 0.41, 0.63, 0.75, 0, 0.052, 9.8, HealthVerdict.DEAD),
                new TrainingEvent.LayerHealth("pool", 0.1, 0.2, 0, 0, Double.NaN, Double.NaN, HealthVerdict.OK),
                new TrainingEvent.LayerHealth("deep", 0.5, 0.01, 0, 0.9, 3.2e-9, 1.0, HealthVerdict.VANISHING),
                new TrainingEvent.LayerHealth("output", 0.1, 0.05, 0, 0, 0.31, 3.1, HealthVerdict.OK)));
    }

    @Test
    void everyLayerGetsALineALevelAndAnExplanation() {
        model.accept(health());
        List<HealthViewModel.LayerReport> layers = model.layersProperty().get();
        assertThat(layers).extracting(HealthViewModel.LayerReport::nodeId)
                .containsExactly("hidden", "pool", "deep", "output");
        assertThat(layers).extracting(HealthViewModel.LayerReport::level).containsExactly(
                HealthViewModel.Level.BAD, HealthViewModel.Level.GOOD, HealthViewModel.Level.WARNING,
                HealthViewModel.Level.GOOD);
        assertThat(layers.get(0).line()).isEqualTo("dead units \u00b7 mean 0.41 \u00b7 std 0.63 \u00b7 grad 0.052");
        assertThat(layers.get(0).explanation()).startsWith("75.0 % of the units output 0");
        assertThat(layers.get(1).line()).as("no parameters, no gradient").isEqualTo("mean 0.1 \u00b7 std 0.2");
        assertThat(layers.get(2).line()).contains("vanishing gradient").contains("grad 3.2e-09");
        assertThat(layers.get(2).explanation()).contains("3.2e-09");
        assertThat(layers).allMatch(l -> !l.explanation().isBlank() && !l.explanation().contains("!"));
        assertThat(model.summaryProperty().get()).isEqualTo("Step 31 (epoch 2): loss 0.412 \u00b7 2 layer(s) need a"
                + " look: hidden, deep. Hover a layer for why.");
    }

    @Test
    void aResumeOrANewRunClearsTheFindings() {
        model.accept(health());
        model.accept(new TrainingEvent.Resumed(31, 2, 1.5));
        assertThat(model.layersProperty().get()).isEmpty();
        assertThat(model.summaryProperty().get()).isEmpty();
        model.accept(health());
        model.accept(new TrainingEvent.Iteration(32, 2, 0.4, 0.1, 1000));
        assertThat(model.layersProperty().get()).as("other events leave them").hasSize(4);
    }

    @Test
    void everyVerdictHasWordsInBothLanguages() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            Locale.setDefault(locale);
            for (HealthVerdict v : HealthVerdict.values()) {
                model.accept(new TrainingEvent.Health(1, 1, 0.5, List.of(
                        new TrainingEvent.LayerHealth("x", 0, 1, 0.5, 0.5, 1, 1, v))));
                HealthViewModel.LayerReport r = model.layersProperty().get().get(0);
                assertThat(r.line()).as("%s %s", locale, v).doesNotContain("!");
                assertThat(r.explanation()).as("%s %s", locale, v).doesNotContain("!").isNotBlank();
            }
        }
        Locale.setDefault(Locale.ENGLISH);
    }
}

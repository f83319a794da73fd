package org.layercanvas.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentJson;

/**
 * Every built-in toy dataset is learnable by the small network a student would draw for it (2 inputs, two hidden
 * tanh layers, the matching output), to the accuracy (or error) its difficulty allows.
 */
class ToyTrainingTest {

    static NetworkDocument network(String dataset, String options, int outputUnits, String outputExtra,
            int epochs, int hidden) throws Exception {
        int inputs = dataset.equals("sine") ? 1 : 2;
        String json = """
                {
                  "formatVersion": 1,
                  "metadata": {"title": "%1$s"},
                  "nodes": [
                    {"id": "in", "type": "Input", "params": {"kind": "vector", "size": %2$d}},
                    {"id": "h1", "type": "Dense", "params": {"units": %7$d, "activation": "tanh"}},
                    {"id": "h2", "type": "Dense", "params": {"units": %7$d, "activation": "tanh"}},
                    {"id": "out", "type": "Output", "params": {"units": %3$d%4$s}}
                  ],
                  "edges": [
                    {"from": {"node": "in", "port": "out"}, "to": {"node": "h1", "port": "in"}},
                    {"from": {"node": "h1", "port": "out"}, "to": {"node": "h2", "port": "in"}},
                    {"from": {"node": "h2", "port": "out"}, "to": {"node": "out", "port": "in"}}
                  ],
                  "dataset": {"id": "%1$s", "options": {%5$s},
                              "split": {"train": 0.7, "validation": 0.1, "test": 0.2}, "seed": 11},
                  "training": {"optimizer": "adam", "learningRate": 0.02, "batchSize": 32, "epochs": %6$d, "seed": 5}
                }
                """.formatted(dataset, inputs, outputUnits, outputExtra, options, epochs, hidden);
        return DocumentJson.read(json, dataset + ".lcnet");
    }

    /** The spiral needs wider layers and more epochs, as in the TensorFlow Playground. */
    @ParameterizedTest(name = "{0} reaches test accuracy {1}")
    @CsvSource({
        "xor,       0.95, 2, 60,  16",
        "circles,   0.95, 2, 60,  16",
        "gaussians, 0.95, 2, 40,  16",
        "spiral,    0.90, 2, 300, 32",
    })
    void classificationToys(String dataset, double accuracy, int classes, int epochs, int hidden) throws Exception {
        NetworkDocument doc = network(dataset, "\"samples\": 600, \"noise\": 0.05", classes, "", epochs, hidden);

        TrainingSession.Result result = new TrainingSession(doc, new TrainingSession.Options("cpu", 1), e -> { })
                .run();

        assertThat(result.succeeded()).as("%s", result.failed()).isTrue();
        assertThat(result.finished().testAccuracy()).as(dataset).isGreaterThanOrEqualTo(accuracy);
    }

    @ParameterizedTest(name = "{0} reaches test MSE below {1}")
    @CsvSource({
        "sine, 0.03",
        "bowl, 0.03",
    })
    void regressionToys(String dataset, double mse) throws Exception {
        NetworkDocument doc = network(dataset, "\"samples\": 600, \"noise\": 0.05", 1,
                ", \"loss\": \"mse\"", 80, 16);

        TrainingSession.Result result = new TrainingSession(doc, new TrainingSession.Options("cpu", 1), e -> { })
                .run();

        assertThat(result.succeeded()).as("%s", result.failed()).isTrue();
        assertThat(result.finished().testLoss()).as(String.format(Locale.ROOT, "%s test MSE", dataset))
                .isLessThan(mse);
        assertThat(result.finished().testAccuracy()).as("no accuracy for a regression").isNaN();
    }
}

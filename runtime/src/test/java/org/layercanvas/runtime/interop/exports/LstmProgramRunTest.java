package org.layercanvas.runtime.interop.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.layercanvas.runtime.interop.exports.PythonExportRunTest.KERAS;
import static org.layercanvas.runtime.interop.exports.PythonExportRunTest.TORCH;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.runtime.interop.imports.Importers;

/**
 * LSTMs in the Python programs, imported from Keras files, exported and given the file's weights, predict what was
 * stored with the file, within 1e-5. Hard_sigmoid gates (the hand-written Keras 2 files,
 * imports/keras/make_keras2_hard_sigmoid.py, against the NumPy LSTM with Keras 2's gates): the Keras program (Keras
 * 3, its own gate function) and the PyTorch program (its own LSTM module); the Keras JSON, which Keras 3 reads with
 * its own hard_sigmoid, is refused. A Bidirectional LSTM returning its last step (Keras 3's own predictions): the
 * PyTorch program's nn.LSTM halves, the forward one at the last step and the backward one at the first.
 */
class LstmProgramRunTest {
    private static final double TOLERANCE = 1e-5;
    private static final Pattern DIFFERENCE = Pattern.compile("(?m)^max difference ([0-9.eE+-]+)$");
    /** Keras layer name -> datasets of its weights, in Keras's set_weights order. */
    private static final Map<String, Map<String, List<String>>> WEIGHTS = Map.of(
            "keras2_hard_sigmoid_lstm", Map.of(
                    "lstm_1", names("lstm_1/lstm_1/", "kernel", "recurrent_kernel", "bias"),
                    "dense_1", names("dense_1/dense_1/", "kernel", "bias")),
            "keras2_hard_sigmoid_bilstm", Map.of(
                    "bidirectional_1", List.of("forward", "backward").stream().flatMap(d -> names(
                            "bidirectional_1/bidirectional_1/" + d + "_lstm_1/", "kernel", "recurrent_kernel",
                            "bias").stream()).toList(),
                    "dense_1", names("dense_1/dense_1/", "kernel", "bias")),
            "keras3_bilstm_last", Map.of(
                    "bilstm", List.of("forward", "backward").stream().flatMap(d -> keras3Names(
                            "bilstm/keras3_bilstm/bilstm/" + d + "_lstm_1/lstm_cell/", "kernel", "recurrent_kernel",
                            "bias").stream()).toList(),
                    "out", keras3Names("out/keras3_bilstm/out/", "kernel", "bias")));
    private static final String KERAS_CHECK = """
            import json, numpy as np, net
            d = json.load(open("weights.json"))
            m = net.build_model()
            for name, arrays in d["layers"].items():
                m.get_layer(name).set_weights([np.array(a, dtype="float32") for a in arrays])
            y = m.predict(np.array(d["input"], dtype="float32"), verbose=0)
            print("max difference", float(np.abs(y - np.array(d["output"])).max()))
            """;
    /** PyTorch's Linear keeps [out, in]: Keras's kernels transposed; the gate blocks i, f, c, o are the same. */
    private static final String TORCH_CHECK = """
            import json, numpy as np, torch, net
            d = json.load(open("weights.json"))
            m = net.Network()
            t = lambda a: torch.tensor(np.array(a, dtype="float32"))
            with torch.no_grad():
                for name, arrays in d["layers"].items():
                    module = getattr(m, name)
                    if isinstance(module, torch.nn.Linear):
                        module.weight.copy_(t(arrays[0]).T); module.bias.copy_(t(arrays[1]))
                        continue
                    if isinstance(module, torch.nn.LSTM):  # its recurrent bias stays 0 (one bias per gate)
                        for k, side in enumerate(["", "_reverse"][:len(arrays) // 3]):
                            getattr(module, "weight_ih_l0" + side).copy_(t(arrays[3 * k]).T)
                            getattr(module, "weight_hh_l0" + side).copy_(t(arrays[3 * k + 1]).T)
                            getattr(module, "bias_ih_l0" + side).copy_(t(arrays[3 * k + 2]))
                        continue
                    for k in range(len(arrays) // 3):
                        module.w[k].weight.copy_(t(arrays[3 * k]).T); module.w[k].bias.copy_(t(arrays[3 * k + 2]))
                        module.u[k].weight.copy_(t(arrays[3 * k + 1]).T)
                y = m.predict(t(d["input"])).numpy()
            print("max difference", float(np.abs(y - np.array(d["output"])).max()))
            """;

    @TempDir
    Path dir;

    private static List<String> names(String prefix, String... kinds) {
        return List.of(kinds).stream().map(k -> prefix + k + ":0").toList();
    }

    /** Keras 3 names its weight datasets without Keras 2's {@code :0}. */
    private static List<String> keras3Names(String prefix, String... kinds) {
        return List.of(kinds).stream().map(k -> prefix + k).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"keras2_hard_sigmoid_lstm", "keras2_hard_sigmoid_bilstm"})
    void kerasProgramPredictsWhatKeras2Predicted(String model) throws Exception {
        assumeTrue(KERAS.present(), KERAS.reason());
        String program = new KerasProgramExporter().export(imported(model));
        assertThat(program).contains("recurrent_activation=keras2_hard_sigmoid")
                .doesNotContain("recurrent_activation=\"hard_sigmoid\"");
        assertThat(difference(KERAS, model, program, KERAS_CHECK)).isLessThan(TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"keras2_hard_sigmoid_lstm", "keras2_hard_sigmoid_bilstm"})
    void pytorchProgramPredictsWhatKeras2Predicted(String model) throws Exception {
        assumeTrue(TORCH.present(), TORCH.reason());
        String program = new PyTorchExporter().export(imported(model));
        assertThat(program).contains("GatedLSTM(").doesNotContain("nn.LSTM(");
        assertThat(difference(TORCH, model, program, TORCH_CHECK)).isLessThan(TOLERANCE);
    }

    @Test
    void pytorchProgramsBidirectionalLastStepPredictsWhatKerasPredicted() throws Exception {
        assumeTrue(TORCH.present(), TORCH.reason());
        String program = new PyTorchExporter().export(imported("keras3_bilstm_last"));
        assertThat(program).contains("nn.LSTM(");
        assertThat(difference(TORCH, "keras3_bilstm_last", program, TORCH_CHECK)).isLessThan(TOLERANCE);
    }

    @Test
    void kerasJsonIsRefusedNamingTheLstmAndWhy() {
        assertThatThrownBy(() -> new KerasJsonExporter().export(imported("keras2_hard_sigmoid_lstm")))
                .isInstanceOf(ExportException.class).hasMessageStartingWith("lstm_1: ")
                .hasMessageContaining("relu6(x + 3) / 6").hasMessageContaining("Keras program");
    }

    private double difference(PythonExportRunTest.Python python, String model, String program, String check)
            throws Exception {
        Files.writeString(dir.resolve("net.py"), program, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("check.py"), check, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("weights.json"), weightsJson(model), StandardCharsets.UTF_8);
        String out = python.run(dir, dir.resolve("check.py").toString());
        Matcher m = DIFFERENCE.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        double worst = Double.parseDouble(m.group(1));
        System.out.printf("%s program, %s: largest difference from the stored predictions %.3g%n",
                python == KERAS ? "Keras" : "PyTorch", model, worst);
        return worst;
    }

    private static NetworkDocument imported(String model) throws Exception {
        return Importers.read(fixture(model + ".h5")).document();
    }

    private static String weightsJson(String model) throws Exception {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> layers = new LinkedHashMap<>();
        try (HdfFile h5 = new HdfFile(fixture(model + ".h5"))) {
            for (var layer : WEIGHTS.get(model).entrySet()) {
                layers.put(layer.getKey(), layer.getValue().stream()
                        .map(path -> h5.getDatasetByPath("model_weights/" + path).getData()).toList());
            }
        }
        root.put("layers", layers);
        try (HdfFile io = new HdfFile(fixture(model + "_inputs_and_outputs.h5"))) {
            root.put("input", io.getDatasetByPath("inputs/input").getData());
            root.put("output", io.getDatasetByPath("outputs/output").getData());
        }
        return new ObjectMapper().writeValueAsString(root);
    }

    private static Path fixture(String name) throws URISyntaxException {
        var url = LstmProgramRunTest.class.getResource("/org/layercanvas/runtime/interop/imports/keras/"
                + name);
        assertThat(url).as(name).isNotNull();
        return Path.of(url.toURI());
    }
}

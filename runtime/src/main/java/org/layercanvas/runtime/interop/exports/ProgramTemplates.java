package org.layercanvas.runtime.interop.exports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Split;
import org.layercanvas.model.TrainingSettings;
import org.layercanvas.model.shape.TensorShape;

/** The fixed parts of the generated Python programs, filled from the document. */
final class ProgramTemplates {
    private ProgramTemplates() {
    }

    static String header(NetworkDocument doc, String framework, String usage) {
        String title = doc.metadata().title() == null ? "" : doc.metadata().title();
        String description = doc.metadata().description() == null ? "" : doc.metadata().description();
        return Template.fill("header.py", Map.of("TITLE", docText(title), "FRAMEWORK", framework,
                "DESCRIPTION", docText(wrap(description, 100)), "USAGE", usage));
    }

    /** The settings block: training settings and what the data loader needs. */
    static String settings(TrainingSettings t) {
        return "EPOCHS = " + t.epochs() + "\nBATCH_SIZE = " + t.batchSize() + "\nLEARNING_RATE = "
                + PythonCode.number(t.learningRate()) + "\nMOMENTUM = " + PythonCode.number(t.momentum())
                + "\nWEIGHT_DECAY = " + PythonCode.number(t.weightDecay()) + "\nGRADIENT_CLIP = "
                + PythonCode.number(t.gradientClip()) + "\nEARLY_STOPPING_PATIENCE = " + t.earlyStoppingPatience()
                + "\nSEED = " + t.seed() + "\n";
    }

    /** Dataset facts both programs' loaders read. */
    static Map<String, String> data(ExportGraph graph, boolean channelsFirst) {
        NetworkDocument doc = graph.document();
        TensorShape in = graph.input().out();
        Map<String, String> v = new HashMap<>();
        v.put("DATASET", PythonCode.string(doc.dataset() == null ? "csv" : doc.dataset().id()));
        v.put("DATASET_COMMENT", PythonCode.datasetComment(doc.dataset()));
        v.put("INPUT_SHAPE", tuple(in.dims()));
        List<Integer> d = in.dims();
        v.put("TORCH_SHAPE", in.kind() == TensorShape.Kind.IMAGE && channelsFirst
                ? tuple(List.of(d.get(2), d.get(0), d.get(1))) : tuple(d));
        v.put("INPUT_KIND", PythonCode.string(in.kind().name().toLowerCase(java.util.Locale.ROOT)));
        v.put("CLASSES", Integer.toString(graph.output().i("units")));
        v.put("LOSS_NAME", PythonCode.string(graph.output().s("loss")));
        v.put("VOCAB", Integer.toString(in.vocabSize()));
        Split split = doc.dataset() == null ? Split.DEFAULT : doc.dataset().split();
        double validation = split.train() + split.validation() <= 0 ? 0.1
                : split.validation() / (split.train() + split.validation());
        v.put("VALIDATION_FRACTION", PythonCode.number(validation));
        return v;
    }

    static String kerasData(ExportGraph graph) {
        return Template.fill("keras-data.py", data(graph, false));
    }

    static String kerasMain(String loss, String schedule) {
        return Template.fill("keras-main.py", Map.of("LOSS", loss, "SCHEDULE", schedule));
    }

    static String tuple(List<Integer> dims) {
        StringBuilder b = new StringBuilder("(");
        for (int k = 0; k < dims.size(); k++) {
            b.append(k == 0 ? "" : ", ").append(dims.get(k));
        }
        return b.append(dims.size() == 1 ? ",)" : ")").toString();
    }

    /** Text safe inside a Python triple-quoted docstring. */
    private static String docText(String s) {
        return s.replace("\\", "\\\\").replace("\"\"\"", "\\\"\\\"\\\"");
    }

    private static String wrap(String text, int width) {
        StringBuilder b = new StringBuilder();
        int line = 0;
        for (String word : text.split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line > 0 && line + 1 + word.length() > width) {
                b.append('\n');
                line = 0;
            } else if (line > 0) {
                b.append(' ');
                line++;
            }
            b.append(word);
            line += word.length();
        }
        return b.toString();
    }
}

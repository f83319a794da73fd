package org.layercanvas.runtime.interop.exports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.TrainingSettings;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.interop.exports.ExportGraph.Layer;

/**
 * A Python program with the document's network as a PyTorch {@code nn.Module} and its training settings. Layouts
 * are PyTorch's: images {@code [N, C, H, W]}, sequences batch-first {@code [N, T, F]}. Recurrent layers keep one bias
 * per gate (as Keras and DL4J), so the parameter count equals the document's; {@code --summary} prints it. Started
 * by {@code torchrun} with more than one process it trains data-parallel (DistributedDataParallel with a
 * DistributedSampler); started plainly it trains in one process.
 */
public final class PyTorchExporter {
    public String export(NetworkDocument doc) throws ExportException {
        ExportGraph graph = ExportGraph.of(doc);
        TrainingSettings t = doc.training();
        List<String> init = new ArrayList<>();
        List<String> forward = new ArrayList<>();
        for (Layer l : graph.layers()) {
            TorchLayers.add(graph, l, init, forward);
        }
        StringBuilder b = new StringBuilder();
        b.append(ProgramTemplates.header(doc, "PyTorch",
                "python3 PROGRAM.py [--data FILE.csv] [--summary], or torchrun --nproc_per_node=N PROGRAM.py"));
        b.append("import argparse\nimport math\nimport os\nimport sys\n\nimport numpy as np\nimport torch\n")
                .append("import torch.distributed as dist\nimport torch.nn.functional as F\nfrom torch import nn\n")
                .append("from torch.nn.parallel import DistributedDataParallel as DDP\n")
                .append("from torch.utils.data import DataLoader, TensorDataset, random_split\n")
                .append("from torch.utils.data.distributed import DistributedSampler\n\n");
        b.append(ProgramTemplates.settings(t)).append("\n\n");
        b.append(Template.load("torch-helpers.py"));
        b.append("class Network(nn.Module):\n    def __init__(self):\n        super().__init__()\n");
        init.forEach(line -> b.append("        ").append(line).append('\n'));
        b.append("\n    def forward(self, ").append(graph.input().name()).append("):\n");
        forward.forEach(line -> b.append("        ").append(line).append('\n'));
        b.append("        return ").append(graph.output().name()).append("\n\n");
        b.append("    def predict(self, x):\n        return ")
                .append(TorchLayers.outputActivation(graph.output().s("loss"))).append("\n\n\n");
        b.append(Template.fill("torch-data.py", ProgramTemplates.data(graph, true)));
        b.append(Template.fill("torch-main.py", Map.of("LOSS", loss(graph.output().s("loss")),
                "OPTIMIZER", optimizer(t), "SCHEDULE", PythonCode.scheduleExpression(t))));
        return b.toString();
    }

    private static String loss(String loss) {
        return switch (loss) {
            case "sigmoid_bce" -> "nn.BCEWithLogitsLoss()";
            case "mse" -> "nn.MSELoss()";
            case "mae" -> "nn.L1Loss()";
            default -> "nn.CrossEntropyLoss()";
        };
    }

    private static String optimizer(TrainingSettings t) {
        return switch (t.optimizer()) {
            case SGD -> "torch.optim.SGD(parameters, lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)";
            case NESTEROV -> "torch.optim.SGD(parameters, lr=LEARNING_RATE, momentum=MOMENTUM, nesterov=True, "
                    + "weight_decay=WEIGHT_DECAY)";
            case ADAM -> "torch.optim.Adam(parameters, lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)";
            case ADAMW -> "torch.optim.AdamW(parameters, lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)";
            case RMSPROP -> "torch.optim.RMSprop(parameters, lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)";
        };
    }

    /** The axis that holds features or channels in PyTorch's layout of {@code s}. */
    static int channelAxis(TensorShape s) {
        return s.kind() == TensorShape.Kind.SEQUENCE ? -1 : 1;
    }
}

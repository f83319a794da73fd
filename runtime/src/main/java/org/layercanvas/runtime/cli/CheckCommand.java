package org.layercanvas.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.Diagnostic;
import org.layercanvas.model.shape.ShapeInference;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.device.CudaProbe;
import org.layercanvas.runtime.device.DeviceChoice;
import org.layercanvas.runtime.device.DevicePolicy;
import org.layercanvas.runtime.device.MemoryBudget;
import org.layercanvas.runtime.device.MemoryEstimate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code layercanvas check FILE}: shapes, parameter counts and problems, without training. */
@Command(name = "check", resourceBundle = "org.layercanvas.runtime.cli.CheckCommand", mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "file")
    private String file;

    @Option(names = "--json", descriptionKey = "json")
    private boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NetworkDocument doc = DocumentSource.loadOrReport(file, err);
        if (doc == null) {
            return ExitCodes.UNREADABLE;
        }
        Analysis analysis = new ShapeInference(LayerCatalog.standard()).analyze(doc);
        Memory memory = analysis.hasErrors() ? null : Memory.of(doc, analysis);
        if (json) {
            out.println(toJson(doc, analysis, memory));
        } else {
            printTable(out, doc, analysis);
            if (memory != null) {
                out.println(memory.budget().describe(memory.estimate()));
                if (memory.budget().fit(memory.estimate()) == MemoryBudget.Fit.TOO_BIG) {
                    err.println(Text.get("line.warning", Text.get("labelled", file,
                            memory.budget().refusal(memory.estimate()))));
                }
            }
        }
        for (Diagnostic d : analysis.diagnostics()) {
            String key = d.isError() ? "line.error" : "line.warning";
            err.println(Text.get(key, Text.get("labelled", d.location(), d.message())));
        }
        return analysis.hasErrors() ? ExitCodes.INVALID : ExitCodes.OK;
    }

    private static void printTable(PrintWriter out, NetworkDocument doc, Analysis analysis) {
        out.println(Text.get("check.title", doc.metadata().title()));
        int idWidth = Math.max(4, doc.nodes().stream().mapToInt(n -> n.id().length()).max().orElse(4));
        String format = "  %-" + idWidth + "s  %-13s  %-14s  %,12d%n";
        out.printf(Locale.ROOT, "  %-" + idWidth + "s  %-13s  %-14s  %12s%n", Text.get("check.column.node"),
                Text.get("check.column.type"), Text.get("check.column.output"), Text.get("check.column.params"));
        for (String id : analysis.order()) {
            Node n = doc.node(id).orElseThrow();
            String shape = analysis.outputShape(id).map(TensorShape::label).orElse("?");
            out.printf(Locale.ROOT, format, id, n.type().jsonName(), shape, analysis.paramCount(id));
        }
        for (Node n : doc.nodes()) {
            if (!analysis.order().contains(n.id())) {
                out.printf(Locale.ROOT, format, n.id(), n.type().jsonName(), "?", 0L);
            }
        }
        out.println(Text.get("check.total", String.format(Locale.ROOT, "%,d", analysis.totalParams())));
        long errors = analysis.errors().size();
        long warnings = analysis.diagnostics().size() - errors;
        out.println(errors == 0 ? Text.get("check.valid", warnings) : Text.get("check.invalid", errors, warnings));
    }

    /** The memory a run of the document needs against what the device that {@code auto} picks offers. */
    record Memory(MemoryEstimate estimate, MemoryBudget budget) {
        static Memory of(NetworkDocument doc, Analysis analysis) {
            DeviceChoice device = DevicePolicy.auto(CudaProbe.probe());
            return new Memory(MemoryEstimate.of(doc, analysis, device.isGpu()), MemoryBudget.of(device));
        }
    }

    static String toJson(NetworkDocument doc, Analysis analysis) {
        return toJson(doc, analysis, null);
    }

    static String toJson(NetworkDocument doc, Analysis analysis, Memory memory) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("title", doc.metadata().title());
        root.put("valid", !analysis.hasErrors());
        root.put("totalParams", analysis.totalParams());
        if (memory != null) {
            MemoryEstimate e = memory.estimate();
            ObjectNode m = root.putObject("memory");
            m.put("totalBytes", e.totalBytes());
            m.put("parameterBytes", e.parameterBytes());
            m.put("gradientBytes", e.gradientBytes());
            m.put("optimizerBytes", e.optimizerBytes());
            m.put("activationBytes", e.activationBytes());
            m.put("overheadBytes", e.overheadBytes());
            m.put("batchSize", e.batchSize());
            m.put("availableBytes", memory.budget().availableBytes());
            m.put("fit", memory.budget().fit(e).name().toLowerCase(Locale.ROOT));
            m.put("text", memory.budget().describe(e));
        }
        ArrayNode nodes = root.putArray("nodes");
        for (Node n : doc.nodes()) {
            ObjectNode o = nodes.addObject();
            o.put("id", n.id());
            o.put("type", n.type().jsonName());
            TensorShape shape = analysis.outputShape(n.id()).orElse(null);
            if (shape == null) {
                o.putNull("outputShape");
            } else {
                ObjectNode s = o.putObject("outputShape");
                s.put("kind", shape.kind().name().toLowerCase(Locale.ROOT));
                ArrayNode dims = s.putArray("dims");
                shape.dims().forEach(dims::add);
                s.put("label", shape.label());
            }
            o.put("params", analysis.paramCount(n.id()));
        }
        ArrayNode diagnostics = root.putArray("diagnostics");
        for (Diagnostic d : analysis.diagnostics()) {
            ObjectNode o = diagnostics.addObject();
            o.put("severity", d.severity().name().toLowerCase(Locale.ROOT));
            o.put("location", d.location());
            o.put("node", d.nodeId());
            o.put("port", d.port());
            o.put("code", d.code());
            o.put("message", d.message());
            if (d.fix() != null) {
                ObjectNode f = o.putObject("fix");
                f.put("kind", d.fix().kind().name().toLowerCase(Locale.ROOT));
                if (d.fix().layer() != null) {
                    f.put("layer", d.fix().layer().jsonName());
                    f.put("from", d.fix().edge().from().nodeId());
                    f.put("to", d.fix().edge().to().nodeId());
                }
                if (d.fix().param() != null) {
                    f.put("node", d.fix().nodeId());
                    f.put("param", d.fix().param());
                    f.put("value", String.valueOf(d.fix().value()));
                } else if (d.fix().kind() == org.layercanvas.model.shape.Fix.Kind.SET_PARAMS) {
                    f.put("node", d.fix().nodeId());
                    ObjectNode values = f.putObject("values");
                    d.fix().params().forEach((k, v) -> values.put(k, String.valueOf(v)));
                }
            }
        }
        return root.toString();
    }
}

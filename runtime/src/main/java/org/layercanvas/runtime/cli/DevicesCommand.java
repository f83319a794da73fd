package org.layercanvas.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.layercanvas.runtime.device.CudaReport;
import org.layercanvas.runtime.device.CudaProbe;
import org.layercanvas.runtime.device.DeviceChoice;
import org.layercanvas.runtime.device.DeviceOption;
import org.layercanvas.runtime.device.DevicePolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code layercanvas devices}: every device a run could train on, whether it can be used and why not, and what
 * {@code --device auto} would pick. Asks the NVIDIA driver without loading ND4J.
 */
@Command(name = "devices", resourceBundle = "org.layercanvas.runtime.cli.DevicesCommand",
        mixinStandardHelpOptions = true)
final class DevicesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--json", descriptionKey = "json")
    private boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CudaReport report = CudaProbe.probe();
        DeviceChoice auto = DevicePolicy.auto(report);
        if (json) {
            ObjectNode root = new ObjectMapper().createObjectNode();
            root.put("cudaBackendInBuild", report.backendInBuild());
            root.put("driverCudaVersion", report.driverVersion() > 0 ? CudaReport.version(report.driverVersion())
                    : null);
            ArrayNode devices = root.putArray("devices");
            for (DeviceOption o : auto.options()) {
                ObjectNode d = devices.addObject();
                d.put("id", o.id());
                d.put("label", o.label());
                d.put("usable", o.usable());
                d.put("why", o.why());
            }
            root.put("auto", auto.isGpu() ? "gpu:" + auto.gpuIndex() : "cpu");
            root.put("autoReason", auto.reason());
            out.println(root);
            return ExitCodes.OK;
        }
        if (report.driverVersion() > 0) {
            out.println(Text.get("devices.driver", CudaReport.version(report.driverVersion())));
        }
        for (DeviceOption o : auto.options()) {
            out.println(o.usable() ? Text.get("devices.usable", o.id(), o.label())
                    : Text.get("devices.unusable", o.id(), o.label(), o.why()));
        }
        out.println(Text.get("devices.auto", auto.isGpu() ? "gpu:" + auto.gpuIndex() : "cpu", auto.reason()));
        return ExitCodes.OK;
    }
}

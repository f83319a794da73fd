package org.layercanvas.app.training;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import org.layercanvas.app.Messages;
import org.layercanvas.runtime.device.CudaProbe;
import org.layercanvas.runtime.device.CudaReport;
import org.layercanvas.runtime.device.DeviceChoice;
import org.layercanvas.runtime.device.DeviceOption;
import org.layercanvas.runtime.device.DevicePolicy;
import org.layercanvas.runtime.device.DeviceRequest;

/**
 * Train > Device: Automatic, the CPU and every GPU the driver lists; a GPU that cannot be used is shown greyed
 * with the reason, so that a student with an unsupported card sees why training runs on the CPU. The driver is
 * asked once, off the FX thread (no driver and the CPU build answer at once).
 */
public final class DeviceMenu {
    private DeviceMenu() {
    }

    /**
     * @param device  the chosen device ({@code auto}, {@code cpu}, {@code gpu:N})
     * @param choose  called with the new choice
     * @param probeOn where the driver is asked
     */
    public static Menu create(ObservableValue<DeviceRequest> device, Consumer<DeviceRequest> choose,
                              Executor probeOn) {
        Menu menu = new Menu(Messages.get("menu.train.device"));
        menu.setId("device-menu");
        MenuItem looking = new MenuItem(Messages.get("menu.train.device.looking"));
        looking.setDisable(true);
        menu.getItems().add(looking);
        probeOn.execute(() -> {
            CudaReport report = CudaProbe.probe();
            Platform.runLater(() -> fill(menu, report, device, choose));
        });
        return menu;
    }

    /** Puts the devices of {@code report} into {@code menu} (public for the UI tests). */
    public static void fill(Menu menu, CudaReport report, ObservableValue<DeviceRequest> device,
                            Consumer<DeviceRequest> choose) {
        DeviceChoice auto = DevicePolicy.auto(report);
        ToggleGroup group = new ToggleGroup();
        List<DeviceOption> options = auto.options();
        String picked = auto.isGpu() ? "gpu:" + auto.gpuIndex() : "cpu";
        String pickedLabel = options.stream().filter(o -> o.id().equals(picked)).map(DeviceOption::label)
                .findFirst().orElse(picked);
        RadioMenuItem automatic = radio(group, DeviceRequest.AUTO,
                Messages.get("menu.train.device.auto", pickedLabel), device, choose);
        menu.getItems().setAll(automatic);
        for (DeviceOption o : options) {
            RadioMenuItem item = radio(group, DeviceRequest.parse(o.id()), o.usable() ? o.label()
                    : Messages.get("menu.train.device.unusable", o.label(), o.why()), device, choose);
            item.setDisable(!o.usable());
            menu.getItems().add(item);
        }
        if (options.size() == 1 && report.problem() != null) {
            // No GPU listed: say why there is none to choose.
            MenuItem why = new MenuItem(Messages.get("menu.train.device.noGpu",
                    DevicePolicy.whyNoGpu(DeviceRequest.AUTO, report)));
            why.setId("device-no-gpu");
            why.setDisable(true);
            menu.getItems().add(why);
        }
        if (group.getSelectedToggle() == null) {
            automatic.setSelected(true);
        }
    }

    private static RadioMenuItem radio(ToggleGroup group, DeviceRequest id, String text,
                                       ObservableValue<DeviceRequest> device, Consumer<DeviceRequest> choose) {
        RadioMenuItem item = new RadioMenuItem(text);
        item.setId("device-" + id.toString().replace(':', '-'));
        item.setToggleGroup(group);
        item.setSelected(id.equals(device.getValue()));
        item.setOnAction(e -> choose.accept(id));
        return item;
    }
}

package org.layercanvas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.layercanvas.runtime.device.DeviceRequest;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.document.DocumentSession;
import org.layercanvas.app.training.DeviceMenu;
import org.layercanvas.runtime.device.CudaReport;
import org.layercanvas.runtime.device.GpuInfo;
import org.testfx.framework.junit5.Start;

class DeviceMenuTest extends AppTestBase {

    @Start
    void start(Stage stage) {
        open(stage, DocumentSession.emptyDocument());
    }

    private static Menu filled(CudaReport report, ObjectProperty<DeviceRequest> device, List<DeviceRequest> chosen) {
        return fx(() -> {
            Menu menu = new Menu("Device");
            DeviceMenu.fill(menu, report, device, chosen::add);
            return menu;
        });
    }

    @Test
    void theWindowsTrainMenuOffersTheDevicesOfThisBuild() {
        Menu device = fx(() -> {
            MenuBar bar = (MenuBar) window.stage().getScene().lookup("#menu-bar");
            return bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                    .filter(i -> "device-menu".equals(i.getId())).map(Menu.class::cast).findFirst().orElseThrow();
        });
        waitUntil(() -> fx(() -> device.getItems().stream().anyMatch(i -> "device-auto".equals(i.getId()))));
        List<String> ids = fx(() -> device.getItems().stream().map(MenuItem::getId).toList());
        // the CPU build: automatic, the CPU, and why there is no GPU to choose
        assertThat(ids).containsExactly("device-auto", "device-cpu", "device-no-gpu");
        assertThat(fx(() -> ((RadioMenuItem) device.getItems().get(0)).isSelected())).isTrue();
        assertThat(fx(() -> device.getItems().get(2).getText())).contains("the CPU build of LayerCanvas");
        assertThat(fx(() -> device.getItems().get(2).isDisable())).isTrue();
    }

    @Test
    void unusableGpusAreGreyedWithTheirReasonAndUsableOnesCanBeChosen() {
        ObjectProperty<DeviceRequest> device = new SimpleObjectProperty<>(DeviceRequest.parse("gpu:1"));
        List<DeviceRequest> chosen = new ArrayList<>();
        CudaReport report = CudaReport.found(12020, List.of(
                new GpuInfo(0, "NVIDIA H100 PCIe", 80_000_000_000L, -1, 9, 0),
                new GpuInfo(1, "NVIDIA GeForce RTX 3060", 12_000_000_000L, -1, 8, 6)));
        Menu menu = filled(report, device, chosen);
        List<MenuItem> items = fx(() -> List.copyOf(menu.getItems()));
        assertThat(items).extracting(MenuItem::getId)
                .containsExactly("device-auto", "device-cpu", "device-gpu-0", "device-gpu-1");
        assertThat(items.get(0).getText()).startsWith("Automatic: GPU 1: NVIDIA GeForce RTX 3060");
        assertThat(items.get(2).isDisable()).isTrue();
        assertThat(items.get(2).getText()).contains("H100").contains("compute capability 9.0 is newer");
        assertThat(items.get(3).isDisable()).isFalse();
        assertThat(((RadioMenuItem) items.get(3)).isSelected()).isTrue();
        interact(() -> items.get(1).fire());
        assertThat(chosen).containsExactly(DeviceRequest.CPU);
    }

    @Test
    void aRememberedDeviceThatIsGoneFallsBackToAutomatic() {
        ObjectProperty<DeviceRequest> device = new SimpleObjectProperty<>(DeviceRequest.parse("gpu:3"));
        Menu menu = filled(CudaReport.cpuBuild(), device, new ArrayList<>());
        assertThat(fx(() -> ((RadioMenuItem) menu.getItems().get(0)).isSelected())).isTrue();
    }
}

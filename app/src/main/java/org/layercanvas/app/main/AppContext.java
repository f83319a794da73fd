package org.layercanvas.app.main;

import org.layercanvas.runtime.device.DeviceRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import org.layercanvas.app.files.AppDirs;
import org.layercanvas.app.files.RecentFiles;
import org.layercanvas.app.files.RecoveryStore;
import org.layercanvas.model.layers.LayerCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What all windows of one running app share: the layer catalog, recent files, crash recovery, the theme, the
 * background executor, and the list of open windows. Passed to each window; no global state.
 */
public final class AppContext {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final LayerCatalog catalog;
    private final Path dataDir;
    private final RecentFiles recentFiles;
    private final RecoveryStore recovery;
    private final FileDialogs fileDialogs;
    private final org.layercanvas.app.runs.RunStore runs;
    private org.layercanvas.runtime.data.download.DatasetCache datasetCache =
            org.layercanvas.runtime.data.download.DatasetCache.standard();
    /** One worker started and warmed up ahead of the next Run (shared by the windows). */
    private final org.layercanvas.app.training.SpareWorker spareWorker = new org.layercanvas.app.training.SpareWorker(
            org.layercanvas.app.Launcher.class.getName(), this::workerJvmArgs);
    private org.layercanvas.app.training.TrainingViewModel.RunnerFactory runnerFactory =
            org.layercanvas.app.training.WorkerRunners.withSpare(org.layercanvas.app.Launcher.class.getName(),
                    this::workerJvmArgs, spareWorker);
    private final ExecutorService background;
    private final List<MainWindow> windows = new ArrayList<>();
    private boolean dark;
    private final boolean startScreenSeen;
    private final javafx.beans.property.ObjectProperty<DeviceRequest> device =
            new javafx.beans.property.SimpleObjectProperty<>(this, "device", DeviceRequest.AUTO);

    public AppContext(LayerCatalog catalog, Path dataDir, FileDialogs fileDialogs) {
        this.catalog = catalog;
        this.dataDir = dataDir;
        this.recentFiles = new RecentFiles(dataDir);
        this.recovery = new RecoveryStore(dataDir);
        this.fileDialogs = fileDialogs;
        this.runs = new org.layercanvas.app.runs.RunStore(dataDir);
        this.background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "layercanvas-background");
            t.setDaemon(true);
            return t;
        });
        Properties saved = settings();
        this.dark = "dark".equals(saved.getProperty("theme"));
        this.startScreenSeen = Boolean.parseBoolean(saved.getProperty("startScreen.seen"));
        try {
            this.device.set(DeviceRequest.parse(saved.getProperty("device", DeviceRequest.AUTO.toString())));
        } catch (IllegalArgumentException e) {
            LOG.warn("settings: unknown device {}; using auto", saved.getProperty("device"), e);
        }
    }

    public static AppContext standard() {
        return new AppContext(LayerCatalog.standard(), AppDirs.dataDir(), FileDialogs.NATIVE);
    }

    public LayerCatalog catalog() {
        return catalog;
    }

    public RecentFiles recentFiles() {
        return recentFiles;
    }

    public RecoveryStore recovery() {
        return recovery;
    }

    /** Where downloaded datasets are kept (and looked for). */
    public org.layercanvas.runtime.data.download.DatasetCache datasetCache() {
        return datasetCache;
    }

    /** For tests: a cache folder of their own. */
    public void setDatasetCache(org.layercanvas.runtime.data.download.DatasetCache cache) {
        this.datasetCache = cache;
    }

    /** Where runs are kept. */
    public org.layercanvas.app.runs.RunStore runs() {
        return runs;
    }

    /**
     * The worker looks for datasets in this window's cache and speaks the window's language (its failure and
     * download messages are shown in the window).
     */
    private List<String> workerJvmArgs() {
        return List.of("-D" + org.layercanvas.runtime.data.download.DatasetCache.PROPERTY + "="
                        + datasetCache.root().toAbsolutePath(),
                "-Duser.language=" + java.util.Locale.getDefault().getLanguage(),
                "-Duser.country=" + java.util.Locale.getDefault().getCountry());
    }

    /** The worker kept warm for the next Run. */
    public org.layercanvas.app.training.SpareWorker spareWorker() {
        return spareWorker;
    }

    /** Starts training workers: a child JVM from this app's launcher, or what a test plugs in. */
    public org.layercanvas.app.training.TrainingViewModel.RunnerFactory runnerFactory() {
        return runnerFactory;
    }

    public void setRunnerFactory(org.layercanvas.app.training.TrainingViewModel.RunnerFactory factory) {
        this.runnerFactory = factory;
    }

    public FileDialogs fileDialogs() {
        return fileDialogs;
    }

    public ExecutorService background() {
        return background;
    }

    public List<MainWindow> windows() {
        return windows;
    }

    /**
     * True until the start screen has been shown once for this user (the first launch shows it over the first
     * window); showing it calls {@link #startScreenShown}.
     */
    public boolean isFirstLaunch() {
        return !startScreenSeen;
    }

    /** Remembers that this user has seen the start screen. */
    public void startScreenShown() {
        saveSetting("startScreen.seen", "true");
    }

    /** Where settings, recent files, recovery copies and runs are kept. */
    public Path dataDir() {
        return dataDir;
    }

    public boolean isDark() {
        return dark;
    }

    /** Applies the light or dark theme to every window and remembers the choice. */
    public void setDark(boolean value) {
        dark = value;
        applyTheme();
        saveSetting("theme", value ? "dark" : "light");
    }

    /**
     * The device runs ask for ({@code auto}, {@code cpu}, {@code gpu:N}; see DeviceRequest), shared by the windows
     * and remembered.
     */
    public javafx.beans.property.ReadOnlyObjectProperty<DeviceRequest> deviceProperty() {
        return device;
    }

    /** Chooses the device for the next runs and remembers it. */
    public void setDevice(DeviceRequest value) {
        device.set(value);
        saveSetting("device", value.toString());
    }

    /** Read-modify-write of the settings file off the FX thread; the one background thread keeps writes in order. */
    private void saveSetting(String key, String value) {
        background.execute(() -> {
            Properties p = settings();
            p.setProperty(key, value);
            Path file = dataDir.resolve("settings.properties");
            try {
                Files.createDirectories(dataDir);
                try (OutputStream out = Files.newOutputStream(file)) {
                    p.store(out, "LayerCanvas settings");
                }
            } catch (IOException e) {
                LOG.warn("cannot save settings to {}: {}", file, e.getMessage(), e);
            }
        });
    }

    public void applyTheme() {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        windows.forEach(w -> w.themeChanged(dark));
    }

    private Properties settings() {
        Properties p = new Properties();
        Path file = dataDir.resolve("settings.properties");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                LOG.warn("cannot read settings from {}: {}", file, e.getMessage(), e);
            }
        }
        return p;
    }
}

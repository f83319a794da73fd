package org.layercanvas.app.data;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.layercanvas.app.Messages;
import org.layercanvas.runtime.data.DataContext;
import org.layercanvas.runtime.data.DatasetException;
import org.layercanvas.runtime.data.DatasetLoader;
import org.layercanvas.runtime.data.download.CancelToken;
import org.layercanvas.runtime.data.download.CancelledException;
import org.layercanvas.runtime.data.download.DownloadProgress;
import org.layercanvas.runtime.data.download.ProgressListener;

/**
 * Fetches a downloadable dataset on a background thread with a progress bar (bytes, speed, time left) and
 * Cancel. A failure stays in the dialog with the whole message, which names the files to fetch by hand and the
 * folder to put them in, and a button that copies the folder's path.
 */
public final class DownloadDialog {
    private final Stage stage = new Stage();
    private final Label file = new Label();
    private final ProgressBar bar = new ProgressBar(0);
    private final Label numbers = new Label(" ");
    private final TextArea problem = new TextArea();
    private final Button cancel = new Button(Messages.get("download.cancel"));
    private final Button copyFolder = new Button(Messages.get("download.copyFolder"));
    private final CancelToken token = new CancelToken();
    private final AtomicReference<DownloadProgress> latest = new AtomicReference<>();
    private final String dataset;
    private final DataContext context;
    private final Consumer<Path> onReady;
    private volatile boolean uiUpdateQueued;

    /**
     * @param onReady called on the FX thread with the dataset's folder once every file is there
     */
    public DownloadDialog(Window owner, String dataset, DataContext context, Consumer<Path> onReady) {
        this.dataset = dataset;
        this.context = context;
        this.onReady = onReady;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Messages.get("download.title", dataset));
        Label heading = new Label(Messages.get("download.heading", dataset,
                context.cache().folderFor(DatasetLoader.cacheName(dataset))));
        heading.setWrapText(true);
        heading.getStyleClass().add("pane-title");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setId("download-progress");
        numbers.setId("download-numbers");
        problem.setEditable(false);
        problem.setWrapText(true);
        problem.setVisible(false);
        problem.setManaged(false);
        problem.setPrefRowCount(10);
        problem.setId("download-problem");
        copyFolder.setVisible(false);
        copyFolder.setManaged(false);
        copyFolder.setOnAction(e -> {
            javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
            c.putString(context.cache().folderFor(DatasetLoader.cacheName(dataset)).toString());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        });
        cancel.setId("download-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            if (token.isCancelled() || problem.isVisible()) {
                stage.close();
            } else {
                token.cancel();
                cancel.setDisable(true);
                numbers.setText(Messages.get("download.cancelling"));
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, copyFolder, spacer, cancel);
        VBox root = new VBox(10, heading, file, bar, numbers, problem, buttons);
        root.setPadding(new Insets(16));
        root.setPrefWidth(560);
        VBox.setVgrow(problem, Priority.ALWAYS);
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> token.cancel());
    }

    /** Shows the dialog and starts downloading. */
    public void start() {
        stage.show();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void progress(DownloadProgress p) {
                latest.set(p);
                if (!uiUpdateQueued) {
                    uiUpdateQueued = true;
                    Platform.runLater(DownloadDialog.this::showProgress);
                }
            }

            @Override
            public void trying(java.net.URI url) {
                Platform.runLater(() -> file.setText(Messages.get("download.from", url)));
            }
        };
        Thread t = new Thread(() -> {
            try {
                Path folder = DatasetLoader.ensureFiles(dataset, context.withDownloads(listener, token));
                Platform.runLater(() -> {
                    stage.close();
                    onReady.accept(folder);
                });
            } catch (CancelledException e) {
                Platform.runLater(stage::close);
            } catch (DatasetException | RuntimeException e) {
                Platform.runLater(() -> fail(e.getMessage()));
            }
        }, "layercanvas-download-" + dataset);
        t.setDaemon(true);
        t.start();
    }

    private void showProgress() {
        uiUpdateQueued = false;
        DownloadProgress p = latest.get();
        if (p == null) {
            return;
        }
        bar.setProgress(p.fraction().orElse(-1.0));
        String eta = p.eta().map(DownloadDialog::duration).orElse("\u2014");
        numbers.setText(Messages.get("download.numbers", p.file(), mb(p.bytes()),
                p.totalKnown() ? mb(p.total()) : "?", mb((long) p.bytesPerSecond()), eta));
    }

    private void fail(String message) {
        bar.setProgress(0);
        numbers.setText(Messages.get("download.failed"));
        problem.setText(message);
        problem.setVisible(true);
        problem.setManaged(true);
        copyFolder.setVisible(true);
        copyFolder.setManaged(true);
        cancel.setText(Messages.get("download.close"));
        cancel.setDisable(false);
        stage.sizeToScene();
    }

    private static String mb(long bytes) {
        return String.format(Locale.getDefault(), "%.1f", bytes / 1e6);
    }

    private static String duration(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? Messages.get("download.minutes", s / 60, s % 60) : Messages.get("download.seconds", s);
    }

    public Stage stage() {
        return stage;
    }
}

package org.layercanvas.app.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.layercanvas.app.Messages;
import org.layercanvas.i18n.Numbers;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.data.BatchSource;
import org.layercanvas.runtime.data.CsvTable;
import org.layercanvas.runtime.data.DataContext;
import org.layercanvas.runtime.data.Finding;
import org.layercanvas.runtime.data.PreparedData;
import org.layercanvas.runtime.data.SanityReport;

/**
 * The Data tab: what the network will train on. Loads the document's dataset off the FX thread (no ND4J is
 * involved) whenever the dataset or the Input changes while the tab is shown, then previews it (a grid of pictures
 * with labels, a table of rows, a scatter plot for 2-D points, or the texts), draws the class balance and lists
 * the sanity report. A downloadable dataset not yet in the cache offers its download.
 */
public final class DataView extends BorderPane {
    static final int PICTURES = 40;
    static final int ROWS = 200;

    private final Supplier<NetworkDocument> document;
    private final Supplier<Analysis> analysis;
    private final Supplier<DataContext> context;
    private final Consumer<String> download;
    private final Label title = new Label();
    private final Label status = new Label();
    private final Button downloadButton = new Button(Messages.get("data.download"));
    private final Button fitInput = new Button(Messages.get("data.fitInput"));
    private Consumer<PreparedData> onFitInput = data -> { };
    private Consumer<List<String>> onInputNotes = notes -> { };
    private final StackPane preview = new StackPane();
    private final VBox balance = new VBox(3);
    private final VBox findings = new VBox(6);
    private final ProgressIndicator busy = new ProgressIndicator();
    private final DataViewModel model;
    /** The loaded data and its report, from the model's state (null while nothing is loaded). */
    private final ReadOnlyObjectProperty<PreparedData> shown;
    private final ReadOnlyObjectProperty<SanityReport> report;

    /**
     * @param download   asked to download a dataset by id (the window shows the progress dialog)
     * @param background where the preview loads (the window's task executor)
     */
    public DataView(Supplier<NetworkDocument> document, Supplier<Analysis> analysis, Supplier<DataContext> context,
            Consumer<String> download, java.util.concurrent.Executor background) {
        this.model = new DataViewModel(background, Platform::runLater);
        javafx.beans.binding.ObjectBinding<PreparedData> data = javafx.beans.binding.Bindings.createObjectBinding(
                model::loaded, model.stateProperty());
        javafx.beans.binding.ObjectBinding<SanityReport> sanity = javafx.beans.binding.Bindings.createObjectBinding(
                model::report, model.stateProperty());
        this.shown = readOnly(data);
        this.report = readOnly(sanity);
        this.document = document;
        this.analysis = analysis;
        this.context = context;
        this.download = download;
        setId("data-view");
        title.getStyleClass().add("pane-title");
        title.setId("data-title");
        status.setId("data-status");
        status.setWrapText(true);
        downloadButton.setId("data-download");
        downloadButton.setVisible(false);
        downloadButton.setManaged(false);
        downloadButton.setOnAction(e -> {
            NetworkDocument doc = document.get();
            if (doc.dataset() != null) {
                download.accept(doc.dataset().id());
            }
        });
        busy.setMaxSize(48, 48);
        busy.setVisible(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        fitInput.setId("data-fit-input");
        fitInput.setVisible(false);
        fitInput.setManaged(false);
        fitInput.setOnAction(e -> {
            if (model.loaded() != null) {
                onFitInput.accept(model.loaded());
            }
        });
        HBox header = new HBox(10, title, spacer, fitInput, downloadButton);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, header, status);
        top.setPadding(new Insets(8, 10, 6, 10));
        setTop(top);

        preview.setId("data-preview");
        preview.setMinSize(0, 0);
        Label balanceTitle = new Label(Messages.get("data.balance"));
        balanceTitle.getStyleClass().add("pane-title");
        Label findingsTitle = new Label(Messages.get("data.sanity"));
        findingsTitle.getStyleClass().add("pane-title");
        balance.setId("data-balance");
        findings.setId("data-findings");
        VBox side = new VBox(8, balanceTitle, balance, findingsTitle, findings);
        side.setPadding(new Insets(6, 10, 10, 10));
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        SplitPane split = new SplitPane(new StackPane(preview, busy), sideScroll);
        split.setDividerPositions(0.6);
        setCenter(split);
        model.stateProperty().addListener((o, a, state) -> render(state));
        render(model.stateProperty().get());
    }

    private static <T> ReadOnlyObjectProperty<T> readOnly(javafx.beans.value.ObservableValue<T> value) {
        javafx.beans.property.ReadOnlyObjectWrapper<T> w = new javafx.beans.property.ReadOnlyObjectWrapper<>();
        w.bind(value);
        return w.getReadOnlyProperty();
    }

    /** Reloads when the dataset, its options or the Input changed since the last load (call when shown/edited). */
    public void refresh() {
        NetworkDocument doc = document.get();
        model.refresh(doc, inputShape(doc), context.get());
    }

    /** Renders the model's state; the only place the view changes with loading. */
    private void render(DataViewModel.State state) {
        if (state instanceof DataViewModel.State.Loaded l) {
            title.setText(Messages.get("data.title", l.dataset()));
            show(l.data(), l.sanity(), l.raw(), l.input());
            return;
        }
        fitInput.setVisible(false);
        fitInput.setManaged(false);
        onInputNotes.accept(List.of());
        preview.getChildren().clear();
        balance.getChildren().clear();
        findings.getChildren().clear();
        showDownload(false);
        busy.setVisible(false);
        if (state instanceof DataViewModel.State.Empty) {
            title.setText(Messages.get("data.none"));
            status.setText(Messages.get("data.none.hint"));
        } else if (state instanceof DataViewModel.State.NotDownloaded n) {
            title.setText(Messages.get("data.title", n.dataset()));
            status.setText(Messages.get("data.notDownloaded", n.dataset(), n.folder()));
            showDownload(true);
        } else if (state instanceof DataViewModel.State.Loading l) {
            title.setText(Messages.get("data.title", l.dataset()));
            status.setText(Messages.get("data.loading"));
            busy.setVisible(true);
        } else if (state instanceof DataViewModel.State.Failed f) {
            title.setText(Messages.get("data.title", f.dataset()));
            status.setText(Messages.get("data.failed", f.message()));
        }
    }

    /** What the "fit the network to the data" button does (the window makes the Input and Output follow it). */
    public void setOnFitInput(Consumer<PreparedData> action) {
        this.onFitInput = action;
    }

    /** Receives the report's findings as notes for the Input node (empty when there are none or nothing loaded). */
    public void setOnInputNotes(Consumer<List<String>> notes) {
        this.onInputNotes = notes;
    }

    /** Forgets what was loaded, so the next {@link #refresh()} loads again (after a download). */
    public void invalidate() {
        model.invalidate();
    }

    private void showDownload(boolean visible) {
        downloadButton.setVisible(visible);
        downloadButton.setManaged(visible);
    }

    private void show(PreparedData data, SanityReport sanity, CsvTable raw, TensorShape input) {
        busy.setVisible(false);
        showDownload(false);
        preview.getChildren().clear();
        balance.getChildren().clear();
        findings.getChildren().clear();
        status.setText(Messages.get("data.sizes", data.train().size(), data.validation().size(), data.test().size(),
                data.shapes().get(0).label(), data.regression() ? Messages.get("data.regression")
                        : Messages.get("data.classes", data.classNames().size())));
        TensorShape natural = data.shapes().get(0);
        TensorShape picture = data.shapes().stream().filter(DataPictures::isPicture).findFirst().orElse(null);
        if (picture != null) {
            preview.getChildren().setAll(pictures(data, picture));
        } else if (!data.vocabulary().isEmpty()) {
            preview.getChildren().setAll(texts(data));
        } else if (natural.kind() == TensorShape.Kind.VECTOR && natural.dim(0) <= 2 && raw == null) {
            preview.getChildren().setAll(scatter(data));
        } else {
            preview.getChildren().setAll(raw != null ? rawTable(raw) : table(data));
        }
        drawBalance(data);
        List<Finding> all = new ArrayList<>(data.findings());
        all.addAll(sanity.findings());
        if (all.isEmpty()) {
            Label ok = new Label(Messages.get("data.sanity.ok"));
            ok.setWrapText(true);
            ok.getStyleClass().add("finding-ok");
            findings.getChildren().add(ok);
        }
        boolean shapeWrong = sanity.findings().stream().anyMatch(f -> f.code().equals("sanity.shapeMismatch")
                || f.code().equals("sanity.classMismatch"));
        fitInput.setVisible(shapeWrong);
        fitInput.setManaged(shapeWrong);
        onInputNotes.accept(all.stream().map(f -> Messages.get("data.note", f.message(Locale.getDefault())))
                .toList());
        for (Finding f : all) {
            Label l = new Label(f.message(Locale.getDefault()));
            l.setWrapText(true);
            l.getStyleClass().addAll("finding", f.isError() ? "finding-error" : "finding-warning");
            findings.getChildren().add(l);
        }
    }

    private ScrollPane pictures(PreparedData data, TensorShape shape) {
        TilePane grid = new TilePane(8, 8);
        grid.setId("data-pictures");
        grid.setPadding(new Insets(8));
        double size = Math.max(48, Math.min(96, shape.dim(0) * 2.5));
        BatchSource train = data.train();
        for (int i = 0; i < Math.min(PICTURES, train.size()); i++) {
            ImageView view = new ImageView(DataPictures.picture(train, i, shape));
            view.setFitWidth(size);
            view.setFitHeight(size);
            view.setSmooth(shape.dim(0) > 32);
            Label name = new Label(data.classNames().get(train.label(i)));
            name.getStyleClass().add("picture-label");
            VBox cell = new VBox(2, view, name);
            cell.setAlignment(Pos.CENTER);
            grid.getChildren().add(cell);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private ListView<String> texts(PreparedData data) {
        ListView<String> list = new ListView<>();
        list.setId("data-texts");
        BatchSource train = data.train();
        float[] row = new float[train.featureCount()];
        for (int i = 0; i < Math.min(ROWS, train.size()); i++) {
            train.features(i, row, 0);
            StringBuilder text = new StringBuilder();
            for (float id : row) {
                int k = (int) id;
                if (k > 0 && k < data.vocabulary().size()) {
                    String token = data.vocabulary().get(k);
                    boolean cjk = token.codePointCount(0, token.length()) == 1
                            && Character.UnicodeScript.of(token.codePointAt(0)) == Character.UnicodeScript.HAN;
                    if (text.length() > 0 && !cjk) {
                        text.append(' ');
                    }
                    text.append(token);
                }
            }
            list.getItems().add(Messages.get("data.textRow", data.classNames().get(train.label(i)), text));
        }
        return list;
    }

    private Canvas scatter(PreparedData data) {
        Canvas canvas = new Canvas(360, 300);
        canvas.setId("data-scatter");
        BatchSource train = data.train();
        int f = train.featureCount();
        float[] x = new float[f];
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        double[][] points = new double[train.size()][2];
        for (int i = 0; i < train.size(); i++) {
            train.features(i, x, 0);
            points[i][0] = x[0];
            points[i][1] = f > 1 ? x[1] : train.target(i);
            minX = Math.min(minX, points[i][0]);
            maxX = Math.max(maxX, points[i][0]);
            minY = Math.min(minY, points[i][1]);
            maxY = Math.max(maxY, points[i][1]);
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth() - 20;
        double h = canvas.getHeight() - 20;
        g.setStroke(Color.gray(0.6));
        g.strokeRect(10, 10, w, h);
        double minTarget = Double.MAX_VALUE;
        double maxTarget = -Double.MAX_VALUE;
        for (int i = 0; i < train.size(); i++) {
            minTarget = Math.min(minTarget, train.target(i));
            maxTarget = Math.max(maxTarget, train.target(i));
        }
        for (int i = 0; i < train.size(); i++) {
            double px = 10 + (points[i][0] - minX) / Math.max(1e-9, maxX - minX) * w;
            double py = 10 + h - (points[i][1] - minY) / Math.max(1e-9, maxY - minY) * h;
            Color c;
            if (data.regression()) {
                double t = (train.target(i) - minTarget) / Math.max(1e-9, maxTarget - minTarget);
                c = f > 1 ? Color.hsb(240 - 240 * t, 0.8, 0.85) : Color.hsb(210, 0.8, 0.8);
            } else {
                c = classColor(train.label(i), data.classNames().size());
            }
            g.setFill(c);
            g.fillOval(px - 2.5, py - 2.5, 5, 5);
        }
        return canvas;
    }

    static Color classColor(int k, int classes) {
        return Color.hsb(360.0 * k / Math.max(1, classes) + 20, 0.75, 0.85);
    }

    private TableView<float[]> table(PreparedData data) {
        TableView<float[]> table = new TableView<>();
        table.setId("data-table");
        BatchSource train = data.train();
        int f = train.featureCount();
        for (int j = 0; j < Math.min(f, 50); j++) {
            int col = j;
            String name = data.featureNames() != null && j < data.featureNames().size() ? data.featureNames().get(j)
                    : "x" + (j + 1);
            TableColumn<float[], String> c = new TableColumn<>(name);
            c.setCellValueFactory(r -> new javafx.beans.property.SimpleStringProperty(
                    String.format(Locale.getDefault(), "%.3f", r.getValue()[col])));
            table.getColumns().add(c);
        }
        TableColumn<float[], String> label = new TableColumn<>(Messages.get("data.labelColumn"));
        label.setCellValueFactory(r -> new javafx.beans.property.SimpleStringProperty(
                data.regression() ? String.format(Locale.getDefault(), "%.3f", r.getValue()[f])
                        : data.classNames().get((int) r.getValue()[f])));
        table.getColumns().add(label);
        for (int i = 0; i < Math.min(ROWS, train.size()); i++) {
            float[] row = new float[f + 1];
            train.features(i, row, 0);
            row[f] = data.regression() ? train.target(i) : train.label(i);
            table.getItems().add(row);
        }
        return table;
    }

    private TableView<String[]> rawTable(CsvTable raw) {
        TableView<String[]> table = new TableView<>();
        table.setId("data-table");
        for (int j = 0; j < raw.columns().size(); j++) {
            int col = j;
            TableColumn<String[], String> c = new TableColumn<>(raw.columns().get(j));
            c.setCellValueFactory(r -> new javafx.beans.property.SimpleStringProperty(
                    col < r.getValue().length ? r.getValue()[col] : ""));
            table.getColumns().add(c);
        }
        for (int i = 0; i < Math.min(ROWS, raw.size()); i++) {
            table.getItems().add(raw.rows().get(i));
        }
        return table;
    }

    private void drawBalance(PreparedData data) {
        balance.getChildren().clear();
        if (data.regression()) {
            balance.getChildren().add(new Label(Messages.get("data.balance.regression")));
            return;
        }
        int k = data.classNames().size();
        int[] counts = new int[k];
        for (int i = 0; i < data.train().size(); i++) {
            counts[data.train().label(i)]++;
        }
        int max = java.util.Arrays.stream(counts).max().orElse(1);
        for (int c = 0; c < Math.min(k, 50); c++) {
            Label name = new Label(data.classNames().get(c));
            name.setMinWidth(70);
            name.setPrefWidth(70);
            Region bar = new Region();
            bar.getStyleClass().add("balance-bar");
            bar.setStyle("-fx-background-color: " + web(classColor(c, k)) + ";");
            bar.setPrefHeight(12);
            bar.setMinWidth(2);
            bar.setPrefWidth(2 + 110.0 * counts[c] / Math.max(1, max));
            bar.setMaxWidth(Region.USE_PREF_SIZE);
            Label count = new Label(Numbers.grouped(counts[c]));
            count.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(6, name, bar, count);
            row.setAlignment(Pos.CENTER_LEFT);
            balance.getChildren().add(row);
        }
    }

    private static String web(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) (c.getRed() * 255), (int) (c.getGreen() * 255),
                (int) (c.getBlue() * 255));
    }

    /** From the document's current analysis (already computed after every edit). */
    private TensorShape inputShape(NetworkDocument doc) {
        return analysis.get().inputShape(doc).orElse(null);
    }

    public ReadOnlyObjectProperty<PreparedData> shownProperty() {
        return shown;
    }

    public ReadOnlyObjectProperty<SanityReport> reportProperty() {
        return report;
    }

    public DataViewModel model() {
        return model;
    }

    public Label status() {
        return status;
    }

    /** The base folder for a document saved at {@code file} (its folder), or the working folder. */
    public static Path baseFolder(Path file) {
        return file == null || file.toAbsolutePath().getParent() == null ? Path.of("").toAbsolutePath()
                : file.toAbsolutePath().getParent();
    }
}

package org.layercanvas.app.main;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.action.Action;
import org.layercanvas.app.Messages;
import org.layercanvas.app.document.DocumentSession;
import org.layercanvas.app.editor.CanvasController;
import org.layercanvas.app.files.RecoveryStore;
import org.layercanvas.app.inspector.InspectorView;
import org.layercanvas.app.palette.PaletteView;
import org.layercanvas.app.palette.PaletteViewModel;
import org.layercanvas.app.problems.ProblemsView;
import org.layercanvas.app.data.DataView;
import org.layercanvas.app.document.DocumentCommands;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.data.DatasetCatalog;
import org.layercanvas.runtime.data.DataContext;
import org.layercanvas.runtime.data.DatasetLoader;
import org.layercanvas.app.training.EvaluationView;
import org.layercanvas.app.training.RunsView;
import org.layercanvas.app.training.TrainingCharts;
import org.layercanvas.app.training.TrainingView;
import org.layercanvas.app.training.TrainingViewModel;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.layercanvas.grapheditor.GraphEditor;
import org.layercanvas.grapheditor.GraphMinimap;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.samples.Samples;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One window, one document: palette on the left, the canvas in the middle with the problems below it, the
 * inspector on the right, menus and a toolbar that share one {@link Action} per command, and a status bar.
 */
public final class MainWindow {
    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);
    private static final String STYLESHEET = "/org/layercanvas/app/layercanvas.css";
    private static final javafx.css.PseudoClass DROP_TARGET = javafx.css.PseudoClass.getPseudoClass("drop-target");

    private final AppContext app;
    private final DocumentSession session;
    private final Stage stage;
    private final GraphEditor editor = new GraphEditor();
    /** The background work of this window; ended when it closes. */
    private final TaskExecutor tasks = new TaskExecutor("layercanvas-window-tasks");
    /** The Data menu's commands. */
    private final DataCommands data;
    private final CanvasController canvas;
    private final PaletteView palette;
    private final InspectorView inspector;
    private final ProblemsView problems;
    private final FileController files;
    private final TrainingCharts charts = new TrainingCharts();
    private final TrainingViewModel training;
    private final TrainingView trainingView;
    private final EvaluationView evaluationView;
    private final RunsView runsView;
    private final TabPane bottom = new TabPane();
    private final Tab problemsTab;
    private final Tab trainingTab;
    private final Tab evaluationTab;
    private final Tab runsTab;
    private final Tab dataTab;
    private final DataView dataView;
    private SplitPane centre;
    private final Label statusLeft = new Label();
    private final Label statusRight = new Label();
    private final RecoveryStore.Slot recoverySlot;
    private final Timeline autosave;
    private long autosavedRevision = -1;
    private final Actions actions;

    public MainWindow(AppContext app, DocumentSession session, Stage stage) {
        this.app = app;
        this.session = session;
        this.stage = stage;
        this.recoverySlot = app.recovery().newSlot();
        this.files = new FileController(app, session, () -> stage);

        editor.setId("canvas");
        canvas = new CanvasController(session, editor, app.background());
        inspector = new InspectorView(session);
        canvas.setOnInspect(id -> inspector.showNode(id));
        canvas.setOnStatus(statusLeft::setText);
        editor.getSelectedNodes().addListener((javafx.collections.SetChangeListener<String>) c -> {
            if (editor.getSelectedNodes().size() == 1) {
                inspector.showNode(editor.getSelectedNodes().iterator().next());
            } else if (editor.getSelectedNodes().isEmpty()) {
                inspector.showNode(null);
            }
        });
        palette = new PaletteView(new PaletteViewModel(app.catalog()), type -> {
            canvas.addLayer(type);
            editor.requestFocus();
        });
        problems = new ProblemsView(d -> {
            if (d.nodeId() != null && session.document().node(d.nodeId()).isPresent()) {
                editor.clearSelection();
                editor.select(d.nodeId());
                editor.centerOn(d.nodeId());
            }
        }, canvas::applyFix);

        // The worker runs in another folder: it gets the dataset's file paths made absolute.
        training = new TrainingViewModel(() -> DatasetLoader.withAbsolutePaths(session.document(), baseFolder()),
                session.inference(), app.runnerFactory(), app.runs(),
                charts, javafx.application.Platform::runLater);
        trainingView = new TrainingView(training, charts, this::run);
        evaluationView = new EvaluationView(() -> training.trainedDocumentProperty().get(), tasks);
        runsView = new RunsView(app.runs(), app.catalog(), charts, doc ->
                open(app, new DocumentSession(app.catalog(), doc, null), new Stage()));
        training.evaluationProperty().addListener((o, a, ev) -> {
            evaluationView.show(ev);
            if (ev != null) {
                bottom.getTabs().stream().filter(t -> t.getContent() == evaluationView).findFirst()
                        .ifPresent(t -> bottom.getSelectionModel().select(t));
            }
        });
        training.lastRunProperty().addListener((o, a, r) -> runsView.refresh());
        problemsTab = tab("tab.problems", problems, "tab-problems");
        trainingTab = tab("tab.training", trainingView, "tab-training");
        evaluationTab = tab("tab.evaluation", evaluationView, "tab-evaluation");
        runsTab = tab("tab.runs", runsView, "tab-runs");
        evaluationView.setDataContext(this::dataContext);
        dataView = new DataView(session::document, session::analysis, this::dataContext, this::download, tasks);
        dataTab = tab("tab.data", dataView, "tab-data");
        data = new DataCommands(stage, session, this::dataContext, this::baseFolder, () -> {
            dataView.invalidate();
            if (dataTab.isSelected()) {
                dataView.refresh();
            }
        }, this::showData);
        dataView.setOnFitInput(data -> {
            DatasetSpec spec = session.document().dataset();
            if (spec != null) {
                session.execute(DocumentCommands.setDatasetAndFollow(
                        org.layercanvas.app.data.DataImports.fittedTo(spec, data), session.inference()));
            }
        });
        dataView.setOnInputNotes(notes -> {
            String input = session.document().inputNode().map(n -> n.id()).orElse(null);
            canvas.setNodeNotes(input == null || notes.isEmpty() ? java.util.Map.of()
                    : java.util.Map.of(input, notes));
        });
        Tab weightsTab = tab("tab.weights", null, "tab-weights");
        weightsTab.setContent(new org.layercanvas.app.training.WeightsView(training.histogramsProperty(),
                weightsTab.selectedProperty()));
        bottom.getTabs().addAll(problemsTab, dataTab, trainingTab, weightsTab, evaluationTab, runsTab);
        dataTab.selectedProperty().addListener((o, a, selected) -> {
            if (selected) {
                dataView.refresh();
            }
        });
        session.analysisProperty().addListener((o, a, b) -> {
            if (dataTab.isSelected()) {
                dataView.refresh();
            }
        });
        bottom.setId("bottom-tabs");

        actions = new Actions(this);
        BorderPane root = new BorderPane();
        root.getStyleClass().add("main-window");
        WindowMenus menus = new WindowMenus(actions, app, this::openFile);
        root.setTop(new VBox(menus.menuBar(), menus.toolBar()));
        root.setCenter(body());
        root.setBottom(statusBar());

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1280, screen.getWidth()), Math.min(800, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource(STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.getIcons().setAll(AppIcons.all());
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.titleProperty().bind(session.windowTitleBinding());
        stage.setOnCloseRequest(e -> {
            if (!close()) {
                e.consume();
            }
        });
        themeChanged(app.isDark());

        session.analysisProperty().addListener((o, a, analysis) -> showAnalysis(analysis));
        showAnalysis(session.analysis());
        statusRight.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.get("status.zoom", Math.round(editor.zoomProperty().get() * 100)),
                editor.zoomProperty()));

        autosave = new Timeline(new KeyFrame(Duration.seconds(5), e -> autosave()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();
        app.windows().add(this);
        // A worker for the first Run, started once the window has had time to show (it takes a core for a few s).
        javafx.animation.PauseTransition warm = new javafx.animation.PauseTransition(Duration.seconds(2));
        warm.setOnFinished(e -> {
            if (app.windows().contains(this) && !training.busyProperty().get()) {
                training.prepareWorker(app.deviceProperty().get(), trainingThreads());
            }
        });
        warm.play();
    }

    // ---- layout ----------------------------------------------------------------------------------------------

    private SplitPane body() {
        GraphMinimap minimap = new GraphMinimap(editor);
        minimap.setId("minimap");
        minimap.setPrefSize(180, 120);
        minimap.setMaxSize(180, 120);
        StackPane canvasPane = new StackPane(editor, minimap);
        canvasPane.setId("canvas-pane");
        StackPane.setAlignment(minimap, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(minimap, new Insets(10));
        installDrop(canvasPane);

        centre = new SplitPane(canvasPane, bottom);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(bottom, false);

        palette.setMinWidth(200);
        palette.setPrefWidth(240);
        inspector.setMinWidth(260);
        inspector.setPrefWidth(320);
        SplitPane body = new SplitPane(palette, centre, inspector);
        body.setDividerPositions(0.19, 0.75);
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(inspector, false);
        return body;
    }

    /** Layers dragged from the palette land where they are released. */
    private void installDrop(StackPane target) {
        target.setOnMouseDragEntered(e -> {
            if (palette.draggingProperty().get() != null) {
                target.pseudoClassStateChanged(DROP_TARGET, true);
            }
        });
        target.setOnMouseDragExited(e -> target.pseudoClassStateChanged(DROP_TARGET, false));
        target.setOnMouseDragReleased(e -> {
            target.pseudoClassStateChanged(DROP_TARGET, false);
            LayerType type = palette.draggingProperty().get();
            if (type != null) {
                Point2D local = editor.sceneToLocal(e.getSceneX(), e.getSceneY());
                Point2D at = editor.localToCanvas(local.getX(), local.getY());
                canvas.addLayerAt(type, at);
                editor.requestFocus();
                e.consume();
            }
        });
    }

    private HBox statusBar() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        statusLeft.setId("status-left");
        statusRight.setId("status-right");
        HBox bar = new HBox(8, statusLeft, spacer, statusRight);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 10, 4, 10));
        return bar;
    }

    private void showAnalysis(Analysis analysis) {
        problems.show(analysis);
        long errors = analysis.errors().size();
        long warnings = analysis.diagnostics().size() - errors;
        String params = String.format(Locale.getDefault(), "%,d", analysis.totalParams());
        statusLeft.setText(errors == 0 && warnings == 0 ? Messages.get("status.valid", params)
                : Messages.get("status.problems", params, errors, warnings));
    }

    void themeChanged(boolean dark) {
        charts.setDark(dark);
        Scene scene = stage.getScene();
        if (scene != null) {
            scene.getRoot().getStyleClass().remove("dark");
            if (dark) {
                scene.getRoot().getStyleClass().add("dark");
            }
        }
    }

    // ---- commands used by Actions ----------------------------------------------------------------------------

    /**
     * Trains the network as it is now, in a worker process; the dashboard comes to the front. A downloadable dataset
     * that is not in the cache yet is downloaded first (with progress and Cancel), then the run starts.
     */
    public void run() {
        NetworkDocument doc = session.document();
        if (doc.dataset() != null && DatasetCatalog.DOWNLOADED.contains(doc.dataset().id())
                && !DatasetLoader.isAvailable(doc.dataset().id(), dataContext())
                && !session.analysis().hasErrors()) {
            download(doc.dataset().id(), this::run);
            return;
        }
        bottom.getSelectionModel().select(trainingTab);
        if (centre.getDividerPositions()[0] > 0.55) {
            centre.setDividerPositions(0.45);
        }
        training.run(app.deviceProperty().get(), trainingThreads());
    }

    /**
     * Native threads for a run started from the window: 0, so that the worker's thread policy chooses from the
     * network's size exactly as {@code layercanvas train} does (see ThreadPolicy): Run is as fast as the command
     * line.
     */
    public static int trainingThreads() {
        return 0;
    }

    // ---- data ------------------------------------------------------------------------------------------------

    /** Where this window's datasets are found: the app's cache, paths relative to the document's folder. */
    DataContext dataContext() {
        return new DataContext(app.datasetCache(), baseFolder(), false, null, null);
    }

    private java.nio.file.Path baseFolder() {
        return DataView.baseFolder(session.file());
    }

    public void showData() {
        bottom.getSelectionModel().select(dataTab);
        if (centre.getDividerPositions()[0] > 0.55) {
            centre.setDividerPositions(0.45);
        }
        dataView.refresh();
    }

    void downloadDataset() {
        data.downloadDataset();
    }

    private void download(String id) {
        data.download(id, () -> { });
    }

    private void download(String id, Runnable then) {
        data.download(id, then);
    }

    void importCsv() {
        data.importCsv();
    }

    /** Shows the CSV import dialog for {@code file}; an accepted choice becomes the dataset in one undo step. */
    public void importCsv(java.nio.file.Path file) {
        data.importCsv(file);
    }

    void importImages() {
        data.importImages();
    }

    /** Makes the image folder (one sub-folder per class) the dataset, or says why it cannot be. */
    public void importImages(java.nio.file.Path folder) {
        data.importImages(folder);
    }

    void stopTraining() {
        training.stop();
    }

    private static Tab tab(String key, javafx.scene.Node content, String id) {
        Tab t = new Tab(Messages.get(key), content);
        t.setClosable(false);
        t.setId(id);
        return t;
    }

    void newWindow() {
        open(app, new DocumentSession(app.catalog(), DocumentSession.emptyDocument(), null), new Stage());
    }

    void openChosen() {
        Path folder = session.file() != null ? session.file().getParent() : null;
        app.fileDialogs().chooseOpen(stage, folder).ifPresent(this::openFile);
    }

    /** Opens a file in a new window; this window closes if it holds nothing worth keeping. */
    void openFile(Path file) {
        for (MainWindow w : app.windows()) {
            if (file.toAbsolutePath().equals(w.session.file() == null ? null : w.session.file().toAbsolutePath())) {
                w.stage.toFront();
                return;
            }
        }
        DocumentSession opened = FileController.open(app, file, stage);
        if (opened == null) {
            return;
        }
        boolean pristine = !session.commands().isDirty() && session.file() == null;
        open(app, opened, new Stage());
        if (pristine) {
            closeWithoutAsking();
        }
    }

    boolean save() {
        boolean saved = files.save();
        if (saved) {
            clearRecovery();
        }
        return saved;
    }

    boolean saveAs() {
        boolean saved = files.saveAs();
        if (saved) {
            clearRecovery();
        }
        return saved;
    }

    /** Closes the window after asking about unsaved changes; false when the user cancelled. */
    boolean close() {
        if (!files.confirmDiscardOrSave()) {
            return false;
        }
        closeWithoutAsking();
        return true;
    }

    private void closeWithoutAsking() {
        autosave.stop();
        tasks.close();
        training.dispose();
        clearRecovery();
        app.windows().remove(this);
        if (app.windows().isEmpty()) {
            app.spareWorker().close();
        }
        stage.close();
    }

    private void autosave() {
        long revision = session.commands().revisionProperty().get();
        if (!session.commands().isDirty() || revision == autosavedRevision) {
            return;
        }
        NetworkDocument doc = session.document();
        Optional<Path> origin = Optional.ofNullable(session.file());
        autosavedRevision = revision;
        app.background().execute(() -> {
            try {
                recoverySlot.write(doc, origin);
            } catch (IOException | RuntimeException e) {
                LOG.warn("autosave to {} failed: {}", recoverySlot.file(), e.getMessage(), e);
            }
        });
    }

    private void clearRecovery() {
        app.background().execute(() -> {
            try {
                recoverySlot.clear();
            } catch (IOException e) {
                LOG.warn("cannot remove {}: {}", recoverySlot.file(), e.getMessage(), e);
            }
        });
    }

    // ---- accessors -------------------------------------------------------------------------------------------

    public static MainWindow open(AppContext app, DocumentSession session, Stage stage) {
        MainWindow w = new MainWindow(app, session, stage);
        stage.show();
        w.editor.requestFocus();
        javafx.application.Platform.runLater(w.editor::zoomToFit);
        return w;
    }

    /**
     * The first window for a file the desktop asked to open (a double-clicked {@code .lcnet}); when the file
     * cannot be read, the error is shown and the window opens with {@code fallbackSample} instead.
     */
    public static MainWindow openFileOrSample(AppContext app, Path file, String fallbackSample, Stage stage) {
        DocumentSession opened = FileController.open(app, file.toAbsolutePath(), null);
        return opened != null ? open(app, opened, stage) : openSample(app, fallbackSample, stage);
    }

    /** The window with the digits sample, as a student first sees it. */
    public static MainWindow openSample(AppContext app, String sample, Stage stage) {
        NetworkDocument doc;
        try {
            doc = org.layercanvas.model.io.DocumentJson.read(Samples.text(sample).orElseThrow(), sample);
        } catch (org.layercanvas.model.io.DocumentFormatException e) {
            throw new IllegalStateException("bundled sample " + sample + " is broken: " + e.getMessage(), e);
        }
        return open(app, new DocumentSession(app.catalog(), doc, null), stage);
    }

    public DocumentSession session() {
        return session;
    }

    public GraphEditor editor() {
        return editor;
    }

    public CanvasController canvas() {
        return canvas;
    }

    public InspectorView inspector() {
        return inspector;
    }

    public TrainingViewModel training() {
        return training;
    }

    public EvaluationView evaluation() {
        return evaluationView;
    }

    public RunsView runs() {
        return runsView;
    }

    public PaletteView palette() {
        return palette;
    }

    public Stage stage() {
        return stage;
    }

    /** This window's background work (ended when the window closes). */
    public TaskExecutor tasks() {
        return tasks;
    }

    AppContext app() {
        return app;
    }
}

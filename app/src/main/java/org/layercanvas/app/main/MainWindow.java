package org.layercanvas.app.main;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.SetChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.action.Action;
import org.layercanvas.app.Messages;
import org.layercanvas.app.data.DataImports;
import org.layercanvas.app.data.DataView;
import org.layercanvas.app.document.DocumentCommands;
import org.layercanvas.app.document.DocumentSession;
import org.layercanvas.app.editor.CanvasController;
import org.layercanvas.app.inspector.InspectorView;
import org.layercanvas.app.inspector.InspectorViewModel;
import org.layercanvas.app.palette.PaletteView;
import org.layercanvas.app.pipeline.PipelineStrip;
import org.layercanvas.app.pipeline.PipelineViewModel;
import org.layercanvas.app.palette.PaletteViewModel;
import org.layercanvas.app.problems.ProblemsView;
import org.layercanvas.app.start.StartScreen;
import org.layercanvas.app.start.StartViewModel;
import org.layercanvas.app.playground.PlaygroundView;
import org.layercanvas.app.playground.PlaygroundViewModel;
import org.layercanvas.app.playground.RunPredictor;
import org.layercanvas.app.training.EvaluationView;
import org.layercanvas.app.training.EvaluationViewModel;
import org.layercanvas.app.training.RunsView;
import org.layercanvas.app.training.RunsViewModel;
import org.layercanvas.app.training.TrainingCharts;
import org.layercanvas.app.training.TrainingView;
import org.layercanvas.app.training.TrainingViewModel;
import org.layercanvas.grapheditor.GraphEditor;
import org.layercanvas.i18n.Numbers;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.data.DatasetCatalog;
import org.layercanvas.model.io.DocumentFormatException;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.runtime.data.DataContext;
import org.layercanvas.runtime.data.DatasetLoader;
import org.layercanvas.runtime.data.PreparedData;
import org.layercanvas.samples.Samples;

/**
 * One window, one document: palette on the left, the canvas in the middle with the tabs below it, the inspector
 * on the right, menus and a toolbar that share one {@link Action} per command, and a status bar. This class makes
 * the parts and wires them to each other; each part's state lives in its view model, the layout in
 * {@link WindowLayout}, the tabs in {@link BottomPanels}, the data commands in {@link DataCommands}.
 */
public final class MainWindow {
    private final AppContext app;
    private final DocumentSession session;
    private final Stage stage;
    private final GraphEditor editor = new GraphEditor();
    /** The background work of this window; ended when it closes. */
    private final TaskExecutor tasks = new TaskExecutor("layercanvas-window-tasks");
    private final FileController files;
    private final Autosave autosave;
    private final CanvasController canvas;
    private final PaletteView palette;
    private final InspectorView inspector;
    private final ProblemsView problems;
    private final TrainingCharts charts = new TrainingCharts();
    private final TrainingViewModel training;
    private final EvaluationView evaluationView;
    private final RunsView runsView;
    private final DataView dataView;
    private final BottomPanels bottom;
    private PlaygroundViewModel playground;
    private final DataCommands data;
    private final Label statusLeft = new Label();
    private final Label statusRight = new Label();
    private final Actions actions;

    public MainWindow(AppContext app, DocumentSession session, Stage stage) {
        this.app = app;
        this.session = session;
        this.stage = stage;
        this.files = new FileController(app, session, () -> stage);
        this.autosave = new Autosave(app, session);
        editor.setId("canvas");
        canvas = new CanvasController(session, editor, app.background());
        inspector = new InspectorView(new InspectorViewModel(session));
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
                session.inference(), app.runnerFactory(), app.runs(), charts, Platform::runLater);
        evaluationView = new EvaluationView(evaluationModel());
        runsView = new RunsView(new RunsViewModel(app.runs(), app.catalog(), charts, tasks, Platform::runLater),
                doc -> open(app, new DocumentSession(app.catalog(), doc, null), new Stage()));
        dataView = new DataView(session::document, session::analysis, this::dataContext,
                id -> data().download(id, () -> { }), tasks);
        bottom = new BottomPanels(problems, dataView, training, new TrainingView(training,
                HealthOnCanvas.wire(training, canvas), charts, this::run), evaluationView, runsView, playgroundView());
        data = new DataCommands(stage, session, this::dataContext, this::baseFolder, this::dataChanged,
                this::showData);
        wireSelection();
        wireData();
        actions = new Actions(this);
        stage.setScene(scene());
        configureStage();
        session.analysisProperty().addListener((o, a, analysis) -> showAnalysis(analysis));
        showAnalysis(session.analysis());
        autosave.start();
        app.windows().add(this);
        warmWorkerSoon();
        WeightsWithDocument.wire(session, training.startingWeights(), tasks, stage);
    }

    private PlaygroundView playgroundView() {
        playground = new PlaygroundViewModel(Platform::runLater, RunPredictor.of(training::runner),
                () -> PlaygroundInputs.shape(training, session), () -> PlaygroundInputs.words(training, session));
        training.addEventListener(playground);
        return new PlaygroundView(playground);
    }

    private EvaluationViewModel evaluationModel() {
        EvaluationViewModel model = new EvaluationViewModel(() -> training.trainedDocumentProperty().get(), tasks,
                Platform::runLater);
        model.setDataContext(this::dataContext);
        training.evaluationProperty().addListener((o, a, ev) -> model.show(ev));
        return model;
    }

    /** One selected layer shows in the inspector; none clears it. */
    private void wireSelection() {
        canvas.setOnInspect(inspector::showNode);
        canvas.setOnStatus(statusLeft::setText);
        editor.getSelectedNodes().addListener((SetChangeListener<String>) c -> {
            if (editor.getSelectedNodes().size() == 1) {
                inspector.showNode(editor.getSelectedNodes().iterator().next());
            } else if (editor.getSelectedNodes().isEmpty()) {
                inspector.showNode(null);
            }
        });
    }

    /** The Data tab follows the document, fits the Input to the data on request and notes problems on it. */
    private void wireData() {
        dataView.setOnFitInput(this::fitInputTo);
        dataView.setOnInputNotes(notes -> {
            String input = session.document().inputNode().map(n -> n.id()).orElse(null);
            canvas.setNodeNotes(input == null || notes.isEmpty() ? Map.of() : Map.of(input, notes));
        });
        session.analysisProperty().addListener((o, a, b) -> {
            if (bottom.isDataShown()) {
                dataView.refresh();
            }
        });
    }

    private void fitInputTo(PreparedData loaded) {
        DatasetSpec spec = session.document().dataset();
        if (spec != null) {
            session.execute(DocumentCommands.setDatasetAndFollow(DataImports.fittedTo(spec, loaded),
                    session.inference()));
        }
    }

    private void dataChanged() {
        dataView.invalidate();
        if (bottom.isDataShown()) {
            dataView.refresh();
        }
    }

    private Scene scene() {
        WindowMenus menus = new WindowMenus(actions, app, this::openFile);
        Scene scene = WindowLayout.scene(new VBox(menus.menuBar(), menus.toolBar(), pipelineStrip()),
                WindowLayout.body(palette, editor, canvas, bottom, inspector),
                WindowLayout.statusBar(statusLeft, statusRight));
        statusRight.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.get("status.zoom", Math.round(editor.zoomProperty().get() * 100)),
                editor.zoomProperty()));
        return scene;
    }

    /** Data -> preprocessing -> model -> training -> evaluation -> deployment, each step going where it is done. */
    private PipelineStrip pipelineStrip() {
        PipelineViewModel model = new PipelineViewModel(session.commands().documentProperty(),
                session.analysisProperty(), training);
        Map<PipelineViewModel.Stage, Runnable> go = new EnumMap<>(PipelineViewModel.Stage.class);
        go.put(PipelineViewModel.Stage.DATA, this::showData);
        go.put(PipelineViewModel.Stage.PREPROCESSING, inspector::showNetworkTab);
        go.put(PipelineViewModel.Stage.MODEL, () -> {
            bottom.show("tab-problems");
            editor.requestFocus();
        });
        go.put(PipelineViewModel.Stage.TRAINING, () -> {
            if (training.busyProperty().get()) {
                bottom.showTraining();
            } else {
                run();
            }
        });
        go.put(PipelineViewModel.Stage.EVALUATION, () -> bottom.show("tab-evaluation"));
        go.put(PipelineViewModel.Stage.DEPLOYMENT, () -> bottom.show("tab-runs"));
        return new PipelineStrip(model, go);
    }

    private void configureStage() {
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
    }

    /** A worker for the first Run, started once the window has had time to show (it takes a core for a few s). */
    private void warmWorkerSoon() {
        PauseTransition warm = new PauseTransition(Duration.seconds(2));
        warm.setOnFinished(e -> {
            if (app.windows().contains(this) && !training.busyProperty().get()) {
                training.prepareWorker(app.deviceProperty().get(), trainingThreads());
            }
        });
        warm.play();
    }

    private void showAnalysis(Analysis analysis) {
        problems.show(analysis);
        long errors = analysis.errors().size();
        long warnings = analysis.diagnostics().size() - errors;
        String params = Numbers.grouped(analysis.totalParams());
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
            data.download(doc.dataset().id(), this::run);
            return;
        }
        bottom.showTraining();
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

    void stopTraining() {
        training.stop();
    }

    /** Where this window's datasets are found: the app's cache, paths relative to the document's folder. */
    DataContext dataContext() {
        return new DataContext(app.datasetCache(), baseFolder(), false, null, null);
    }

    private Path baseFolder() {
        return DataView.baseFolder(session.file());
    }

    /** The Data tab, up to date, in front. */
    public void showData() {
        bottom.showData();
    }

    /** The Data menu's commands. */
    DataCommands data() {
        return data;
    }

    /** Shows the CSV import dialog for {@code file}; an accepted choice becomes the dataset in one undo step. */
    public void importCsv(Path file) {
        data.importCsv(file);
    }

    /** Makes the image folder (one sub-folder per class) the dataset, or says why it cannot be. */
    public void importImages(Path folder) {
        data.importImages(folder);
    }

    // ---- files and windows -----------------------------------------------------------------------------------

    void newWindow() {
        open(app, new DocumentSession(app.catalog(), DocumentSession.emptyDocument(), null), new Stage());
    }

    /** The start screen over this window: a chosen sample or file opens in place of this window if it is empty. */
    public Stage showStartScreen() {
        app.startScreenShown();
        return StartScreen.show(stage, new StartViewModel(() -> app.recentFiles().list()), new StartScreen.Choices() {
            @Override
            public void sample(String name) {
                replaceIfPristine(() -> openSample(app, name, new Stage()));
            }

            @Override
            public void emptyCanvas() {
                replaceIfPristine(MainWindow.this::newWindow);
            }

            @Override
            public void file(Path file) {
                openFile(file);
            }
        });
    }

    /** Opens another window; this one closes if it holds nothing worth keeping (unchanged, never saved). */
    void replaceIfPristine(Runnable open) {
        boolean pristine = !session.commands().isDirty() && session.file() == null;
        open.run();
        if (pristine) {
            closeWithoutAsking();
        }
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
        if (opened != null) {
            replaceIfPristine(() -> open(app, opened, new Stage()));
        }
    }

    boolean save() {
        return saved(files.save());
    }

    boolean saveAs() {
        return saved(files.saveAs());
    }

    private boolean saved(boolean saved) {
        if (saved) {
            autosave.clear();
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
        autosave.clear();
        app.windows().remove(this);
        if (app.windows().isEmpty()) {
            app.spareWorker().close();
        }
        stage.close();
    }

    public static MainWindow open(AppContext app, DocumentSession session, Stage stage) {
        MainWindow w = new MainWindow(app, session, stage);
        stage.show();
        w.editor.requestFocus();
        Platform.runLater(w.editor::zoomToFit);
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

    /** The window with a bundled sample, as a student first sees it. */
    public static MainWindow openSample(AppContext app, String sample, Stage stage) {
        NetworkDocument doc;
        try {
            doc = DocumentJson.read(Samples.text(sample).orElseThrow(), sample);
        } catch (DocumentFormatException e) {
            throw new IllegalStateException("bundled sample " + sample + " is broken: " + e.getMessage(), e);
        }
        return open(app, new DocumentSession(app.catalog(), doc, null), stage);
    }

    // ---- accessors -------------------------------------------------------------------------------------------

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

    public PlaygroundViewModel playground() {
        return playground;
    }

    /** Brings a tab under the canvas to the front: {@code tab-data}, {@code tab-playground}, ... */
    public void showTab(String tabId) {
        bottom.show(tabId);
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

package org.layercanvas.app.main;

import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.layercanvas.app.Messages;
import org.layercanvas.app.data.DataView;
import org.layercanvas.app.problems.ProblemsView;
import org.layercanvas.app.playground.PlaygroundView;
import org.layercanvas.app.training.EvaluationView;
import org.layercanvas.app.training.RunsView;
import org.layercanvas.app.training.TrainingView;
import org.layercanvas.app.training.TrainingViewModel;
import org.layercanvas.app.training.WeightsView;
import org.layercanvas.app.training.WeightsViewModel;

/**
 * The tabs under the canvas: problems, data, training dashboard, weights, evaluation, playground and runs. Bringing the data or
 * the dashboard to the front also gives the tabs room when the canvas holds most of the height.
 */
final class BottomPanels {
    private final TabPane tabs = new TabPane();
    private final Tab dataTab;
    private final Tab trainingTab;
    private final Tab evaluationTab;
    private final Tab playgroundTab;
    private final DataView dataView;
    private SplitPane centre;

    BottomPanels(ProblemsView problems, DataView data, TrainingViewModel training, TrainingView dashboard,
                 EvaluationView evaluation, RunsView runs, PlaygroundView playground) {
        this.dataView = data;
        dataTab = tab("tab.data", data, "tab-data");
        trainingTab = tab("tab.training", dashboard, "tab-training");
        evaluationTab = tab("tab.evaluation", evaluation, "tab-evaluation");
        Tab weightsTab = tab("tab.weights", null, "tab-weights");
        weightsTab.setContent(new WeightsView(new WeightsViewModel(training.histogramsProperty()),
                weightsTab.selectedProperty()));
        playgroundTab = tab("tab.playground", playground, "tab-playground");
        tabs.getTabs().addAll(tab("tab.problems", problems, "tab-problems"), dataTab, trainingTab, weightsTab,
                evaluationTab, playgroundTab, tab("tab.runs", runs, "tab-runs"));
        tabs.setId("bottom-tabs");
        dataTab.selectedProperty().addListener((o, a, selected) -> {
            if (selected) {
                data.refresh();
            }
        });
        training.evaluationProperty().addListener((o, a, ev) -> {
            // A student watching the playground's picture keeps it; the evaluation is one tab away.
            if (ev != null && !playgroundTab.isSelected()) {
                tabs.getSelectionModel().select(evaluationTab);
            }
        });
        training.lastRunProperty().addListener((o, a, r) -> runs.refresh());
        // A past run's saved model, loaded by a worker without training, answers in the playground.
        runs.setOnPlayground(run -> runs.model().document(run).ifPresent(doc -> {
            if (training.reload(doc, run.folder().resolve(org.layercanvas.app.runs.RunStore.MODEL))) {
                tabs.getSelectionModel().select(playgroundTab);
            }
        }));
    }

    private static Tab tab(String key, Node content, String id) {
        Tab t = new Tab(Messages.get(key), content);
        t.setClosable(false);
        t.setId(id);
        return t;
    }

    Node node() {
        return tabs;
    }

    /** The split pane the tabs share with the canvas. */
    void placedIn(SplitPane split) {
        this.centre = split;
    }

    boolean isDataShown() {
        return dataTab.isSelected();
    }

    /** The Data tab, up to date. */
    void showData() {
        bringToFront(dataTab);
        dataView.refresh();
    }

    /** The dashboard in front for a run, unless the playground is: its picture is what the student watches. */
    void showTraining() {
        if (!playgroundTab.isSelected()) {
            bringToFront(trainingTab);
        }
    }

    /** The tab with this id ({@code tab-problems}, {@code tab-evaluation}, {@code tab-runs}, ...), in front. */
    void show(String tabId) {
        tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst().ifPresent(this::bringToFront);
    }

    private void bringToFront(Tab tab) {
        tabs.getSelectionModel().select(tab);
        if (centre != null && centre.getDividerPositions()[0] > 0.55) {
            centre.setDividerPositions(0.45);
        }
    }
}

package org.layercanvas.app.start;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.layercanvas.app.Messages;
import org.layercanvas.app.start.StartViewModel.SampleCard;

/**
 * The start screen (File > New from Sample, and at the first launch): a card per sample with a picture of its
 * network, what it teaches, its dataset and what it reaches; an empty canvas; the recent files. Choosing closes
 * the screen and hands the choice to the window.
 */
public final class StartScreen {
    /** What the student chose. */
    public interface Choices {
        void sample(String name);

        void emptyCanvas();

        void file(Path file);
    }

    private static final String STYLESHEET = "/org/layercanvas/app/layercanvas.css";

    private StartScreen() {
    }

    /** Shows the start screen over {@code owner} (not modal: the window behind stays usable). */
    public static Stage show(Window owner, StartViewModel model, Choices choices) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle(Messages.get("start.title"));
        BorderPane root = new BorderPane();
        root.setId("start-screen");
        root.getStyleClass().add("start-screen");
        root.setLeft(side(model, choices, stage));
        root.setCenter(cards(model, choices, stage));
        Scene scene = new Scene(root, 1080, 720);
        scene.getStylesheets().add(StartScreen.class.getResource(STYLESHEET).toExternalForm());
        if (owner != null && owner.getScene() != null) {
            scene.getRoot().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass().contains("dark")
                    ? java.util.List.of("dark") : java.util.List.of());
        }
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private static VBox side(StartViewModel model, Choices choices, Stage stage) {
        Label heading = new Label(Messages.get("start.heading"));
        heading.getStyleClass().add("start-heading");
        heading.setWrapText(true);
        Button empty = new Button(Messages.get("start.empty"), new FontIcon("mdi2f-file-outline"));
        empty.setId("start-empty");
        empty.setMaxWidth(Double.MAX_VALUE);
        empty.setOnAction(e -> {
            stage.close();
            choices.emptyCanvas();
        });
        Label recentTitle = new Label(Messages.get("start.recent"));
        recentTitle.getStyleClass().add("pane-title");
        VBox recent = new VBox(2);
        recent.setId("start-recent");
        for (Path p : model.recentFiles()) {
            Hyperlink link = new Hyperlink(String.valueOf(p.getFileName()));
            link.setTooltip(new javafx.scene.control.Tooltip(p.toString()));
            link.setOnAction(e -> {
                stage.close();
                choices.file(p);
            });
            recent.getChildren().add(link);
        }
        if (recent.getChildren().isEmpty()) {
            Label none = new Label(Messages.get("start.recent.none"));
            none.getStyleClass().add("start-muted");
            recent.getChildren().add(none);
        }
        VBox side = new VBox(12, heading, empty, recentTitle, recent);
        side.getStyleClass().add("start-side");
        side.setPadding(new Insets(20));
        side.setPrefWidth(240);
        return side;
    }

    private static ScrollPane cards(StartViewModel model, Choices choices, Stage stage) {
        FlowPane flow = new FlowPane(14, 14);
        flow.setId("start-cards");
        flow.setPadding(new Insets(20));
        for (SampleCard card : model.cards()) {
            flow.getChildren().add(card(card, () -> {
                stage.close();
                choices.sample(card.name());
            }));
        }
        ScrollPane scroll = new ScrollPane(flow);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static Region card(SampleCard card, Runnable open) {
        Label title = new Label(card.title());
        title.getStyleClass().add("start-card-title");
        Label teaches = new Label(card.teaches());
        teaches.setWrapText(true);
        teaches.getStyleClass().add("start-card-text");
        VBox.setVgrow(teaches, Priority.ALWAYS);
        Label dataset = new Label(Messages.get(card.download() ? "start.dataset.download" : "start.dataset",
                card.dataset()));
        dataset.getStyleClass().add("start-muted");
        Label reaches = new Label(card.reaches());
        reaches.getStyleClass().add("start-card-reaches");
        reaches.setWrapText(true);
        dataset.setWrapText(true);
        VBox box = new VBox(6, new NetworkPicture(card.document(), 212, 100), title, teaches, dataset, reaches);
        box.setId("sample-" + card.name());
        box.getStyleClass().add("start-card");
        box.setPadding(new Insets(12));
        box.setPrefWidth(236);
        box.setMinHeight(300);
        box.setAlignment(Pos.TOP_LEFT);
        box.setOnMouseClicked(e -> open.run());
        // reachable without a mouse: Tab to a card, Enter or Space opens it
        box.setFocusTraversable(true);
        box.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER || e.getCode() == javafx.scene.input.KeyCode.SPACE) {
                open.run();
            }
        });
        return box;
    }
}

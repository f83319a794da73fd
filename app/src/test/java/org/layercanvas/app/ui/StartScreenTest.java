package org.layercanvas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.document.DocumentSession;
import org.layercanvas.app.main.MainWindow;
import org.layercanvas.samples.Samples;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File > New from Sample: every sample is a card; a chosen sample opens valid in place of an empty window. */
class StartScreenTest extends AppTestBase {

    @Start
    void start(Stage stage) {
        open(stage, DocumentSession.emptyDocument());
    }

    @Test
    void everySampleOpensFromItsCardValidInPlaceOfTheEmptyWindow() {
        for (String name : Samples.names()) {
            MainWindow current = app.windows().get(0);
            Stage screen = fx(current::showStartScreen);
            FlowPane cards = lookup("#start-cards").queryAs(FlowPane.class);
            assertThat(fx(() -> cards.getChildren().size())).isEqualTo(Samples.names().size());
            javafx.scene.Node card = lookup("#sample-" + name).query();
            interact(() -> showInScroll(card));
            clickOn(card);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(screen.isShowing()).isFalse();
            assertThat(app.windows()).as("the unchanged window was replaced").hasSize(1);
            MainWindow opened = app.windows().get(0);
            assertThat(opened).isNotSameAs(current);
            String title = fx(() -> opened.session().document().metadata().title());
            assertThat(title).isEqualTo(org.layercanvas.app.TestDocs.sample(name).metadata().title());
            assertThat(fx(() -> opened.stage().getTitle())).contains(title);
            assertThat(fx(() -> opened.session().analysis().diagnostics())).as(name).isEmpty();
        }
    }

    /** Scrolls the start screen so that {@code card} is in view. */
    private static void showInScroll(javafx.scene.Node card) {
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) card.getScene()
                .lookup(".scroll-pane");
        double content = scroll.getContent().getBoundsInLocal().getHeight();
        double view = scroll.getViewportBounds().getHeight();
        double y = card.getBoundsInParent().getMinY();
        scroll.setVvalue(content <= view ? 0 : Math.min(1, y / (content - view)));
        scroll.layout();
    }

    @Test
    void aCardOpensWithTheKeyboard() {
        MainWindow current = app.windows().get(0);
        interact(current::showStartScreen);
        javafx.scene.Node first = lookup("#sample-" + Samples.names().get(0)).query();
        interact(first::requestFocus);
        type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> app.windows().get(0).session().document().metadata().title()))
                .isEqualTo(org.layercanvas.app.TestDocs.sample(Samples.names().get(0)).metadata().title());
    }

    @Test
    void anEmptyCanvasCanBeChosenAndTheFirstLaunchIsRemembered() {
        assertThat(app.isFirstLaunch()).isTrue();
        MainWindow current = app.windows().get(0);
        interact(current::showStartScreen);
        clickOn("#start-empty");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.windows()).hasSize(1).doesNotContain(current);
        assertThat(fx(() -> app.windows().get(0).session().document().nodes()))
                .isEqualTo(DocumentSession.emptyDocument().nodes());
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS); // the setting is written off the FX thread
        assertThat(new org.layercanvas.app.main.AppContext(app.catalog(), app.dataDir(), null).isFirstLaunch())
                .as("a new start of the app knows the screen was seen").isFalse();
    }
}

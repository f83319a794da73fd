package org.layercanvas.grapheditor;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Runs a piece of work at most once per pulse, just before the scene's CSS and layout passes, however often it is
 * requested in between. Without a scene the work waits until the owner is shown (or runs at once when
 * {@code runWithoutScene} is set).
 */
final class PulseTask {
    private final Runnable work;
    private final boolean runWithoutScene;
    private final Runnable listener = this::onPulse;
    private final Node owner;
    private final javafx.beans.value.ChangeListener<Scene> sceneListener = (obs, oldScene, newScene) -> attach(newScene);
    private Scene scene;
    private boolean requested;

    PulseTask(Node owner, boolean runWithoutScene, Runnable work) {
        this.work = work;
        this.runWithoutScene = runWithoutScene;
        this.owner = owner;
        owner.sceneProperty().addListener(sceneListener);
        attach(owner.getScene());
    }

    /** Stops listening to the owner and its scene; requested work is dropped. */
    void dispose() {
        owner.sceneProperty().removeListener(sceneListener);
        attach(null);
        requested = false;
    }

    private void attach(Scene newScene) {
        if (scene != null) {
            scene.removePreLayoutPulseListener(listener);
        }
        scene = newScene;
        if (scene != null) {
            scene.addPreLayoutPulseListener(listener);
            if (requested) {
                Platform.requestNextPulse();
            }
        }
    }

    /** Asks for the work to run at the next pulse; repeated calls before it runs are merged. */
    void request() {
        if (scene == null && runWithoutScene) {
            requested = false;
            work.run();
            return;
        }
        if (!requested) {
            requested = true;
            if (scene != null) {
                Platform.requestNextPulse();
            }
        }
    }

    /** Runs the requested work now instead of at the next pulse. */
    void runNow() {
        if (requested) {
            requested = false;
            work.run();
        }
    }

    boolean isRequested() {
        return requested;
    }

    private void onPulse() {
        runNow();
    }
}

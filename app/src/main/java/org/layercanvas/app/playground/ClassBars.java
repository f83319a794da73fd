package org.layercanvas.app.playground;

import java.util.function.IntFunction;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import org.layercanvas.i18n.Numbers;

/** A bar per class with its name and probability; the most probable class stands out. */
final class ClassBars extends GridPane {
    ClassBars(String id) {
        setId(id);
        setHgap(8);
        setVgap(2);
        setPadding(new Insets(0, 0, 4, 0));
    }

    /** {@code p} one probability per class (null: clears the bars). */
    void show(double[] p, IntFunction<String> className) {
        getChildren().clear();
        if (p == null) {
            return;
        }
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            best = p[k] > p[best] ? k : best;
        }
        for (int k = 0; k < p.length; k++) {
            Label name = new Label(className.apply(k));
            ProgressBar bar = new ProgressBar(p[k]);
            bar.setPrefWidth(180);
            Label value = new Label(Numbers.percent(p[k]));
            if (k == best) {
                name.getStyleClass().add("class-bar-best");
                value.getStyleClass().add("class-bar-best");
            }
            addRow(k, name, bar, value);
        }
    }
}

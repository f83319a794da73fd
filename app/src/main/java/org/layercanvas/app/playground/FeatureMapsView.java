package org.layercanvas.app.playground;

import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.layercanvas.runtime.worker.Planes;
import org.layercanvas.runtime.worker.WorkerProtocol.Inspection;

/**
 * What a network's Conv2D layers make of the input shown last: the first layer's learned filters, then each layer's
 * feature maps (at most 16 a layer, each scaled to the layer's strongest response), labelled by layer. Renders
 * {@link PicturesViewModel#shownProperty()}.
 */
final class FeatureMapsView extends VBox {
    private static final double FILTER = 40;
    private static final double MAP = 64;

    private final VBox layers = new VBox(6);

    FeatureMapsView(PicturesViewModel model) {
        super(6);
        setId("feature-maps");
        getStyleClass().add("feature-maps");
        Label note = new Label();
        note.setId("maps-note");
        note.setWrapText(true);
        note.textProperty().bind(model.mapsNoteProperty());
        layers.setId("feature-map-layers");
        getChildren().addAll(note, layers);
        model.shownProperty().addListener((o, a, i) -> show(i));
    }

    private void show(Inspection i) {
        layers.getChildren().clear();
        if (i == null || i.maps() == null) {
            return;
        }
        if (i.filters() != null) {
            Planes f = i.filters();
            double max = PlanePictures.maxAbs(f);
            FlowPane row = row("filters-" + f.layer());
            for (int k = 0; k < f.planes().length; k++) {
                row.getChildren().add(PlanePictures.canvas(PlanePictures.filter(f, k, max), FILTER, FILTER));
            }
            layers.getChildren().addAll(caption(PicturesViewModel.filtersCaption(f)), row);
        }
        for (Planes m : i.maps()) {
            double max = PlanePictures.maxAbs(m);
            double scale = MAP / Math.max(m.height(), m.width());
            FlowPane row = row("maps-" + m.layer());
            row.getStyleClass().add("feature-map-row");
            for (int k = 0; k < m.planes().length; k++) {
                row.getChildren().add(PlanePictures.canvas(PlanePictures.map(m, k, max), m.width() * scale,
                        m.height() * scale));
            }
            layers.getChildren().addAll(caption(PicturesViewModel.mapsCaption(m)), row);
        }
    }

    private static FlowPane row(String id) {
        FlowPane row = new FlowPane(4, 4);
        row.setId(id);
        return row;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("feature-map-caption");
        return l;
    }
}

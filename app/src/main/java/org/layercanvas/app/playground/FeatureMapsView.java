package org.layercanvas.app.playground;

import java.util.function.IntFunction;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.layercanvas.runtime.train.Planes;

/**
 * What a network's Conv2D layers make of the input shown last: the first layer's learned filters, then each layer's
 * feature maps (at most 16 a layer, scaled to the layer's strongest response), a block of pictures per layer,
 * labelled by layer; the blocks wrap to the width there is. Renders {@link PicturesViewModel#shownProperty()}.
 */
final class FeatureMapsView extends VBox {
    private static final double GAP = 3;

    private final FlowPane layers = new FlowPane(18, 10);

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

    private void show(PicturesViewModel.Picture i) {
        layers.getChildren().clear();
        if (i == null || i.maps() == null) {
            return;
        }
        if (i.filters() != null) {
            Planes f = i.filters();
            double max = PlanePictures.maxAbs(f);
            layers.getChildren().add(block("filters-" + f.layer(), PicturesViewModel.filtersCaption(f), f,
                    k -> PlanePictures.filter(f, k, max)));
        }
        for (Planes m : i.maps()) {
            double max = PlanePictures.maxAbs(m);
            layers.getChildren().add(block("maps-" + m.layer(), PicturesViewModel.mapsCaption(m), m,
                    k -> PlanePictures.map(m, k, max)));
        }
    }

    /**
     * A caption over the planes' pictures in four columns (eight for more than 16 pictures, such as 32 filters), each
     * about two screen pixels per value or more.
     */
    private static Node block(String id, String caption, Planes p, IntFunction<WritableImage> image) {
        int columns = p.planes().length > 16 ? 8 : 4;
        double cell = Math.min(56, Math.max(36, 2 * Math.max(p.height(), p.width())));
        double scale = cell / Math.max(p.height(), p.width());
        TilePane tiles = new TilePane(GAP, GAP);
        tiles.setId(id);
        tiles.setPrefColumns(columns);
        for (int k = 0; k < p.planes().length; k++) {
            tiles.getChildren().add(PlanePictures.canvas(image.apply(k), p.width() * scale, p.height() * scale));
        }
        double width = columns * cell + (columns - 1) * GAP;
        tiles.setPrefWidth(width);
        tiles.setMaxWidth(width);
        Label l = new Label(caption);
        l.getStyleClass().add("feature-map-caption");
        l.setWrapText(true);
        l.setMaxWidth(width);
        l.setPrefWidth(width);
        VBox block = new VBox(4, l, tiles);
        block.getStyleClass().add("feature-map-block");
        return block;
    }
}

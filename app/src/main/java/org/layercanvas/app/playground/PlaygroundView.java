package org.layercanvas.app.playground;

import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.layercanvas.app.Messages;
import org.layercanvas.runtime.train.TrainingEvent;

/**
 * The Playground tab: what a 2-D classifier predicts over the plane as a heat map under the training points (the
 * colour is the class, its strength how sure the network is), updated while it trains, with what each unit of its
 * first hidden layers computes as small pictures beside it (TF Playground's view of a network); a click asks the
 * network about that point. For a network on small grey images, a {@link DrawPad} with the class probabilities of
 * the drawing; for a network on images, a {@link TestPicker} for the run's test images and, under it, what its Conv2D
 * layers make of the input shown last ({@link FeatureMapsView}). Renders {@link PlaygroundViewModel}; paints only when a new picture arrives.
 */
public final class PlaygroundView extends BorderPane {
    /** Class colours: orange and blue for two classes as in TF Playground, then distinct hues. */
    static final Color[] CLASS_COLORS = {Color.web("#f59322"), Color.web("#0877bd"), Color.web("#2ca02c"),
        Color.web("#9467bd"), Color.web("#d62728"), Color.web("#8c564b"), Color.web("#e377c2"),
        Color.web("#17becf"), Color.web("#bcbd22"), Color.web("#7f7f7f")};
    private static final double UNIT_SIZE = 64;

    private final PlaygroundViewModel model;
    private final Canvas plane = new Canvas();
    private final Pane planeHolder = new Pane(plane);
    private final TilePane units = new TilePane(8, 8);
    private final VBox unitsBox;
    private final Label status = new Label();
    private final Label answer = new Label();
    private final HBox planeView;
    private final DrawPad drawPad;
    private final TextProbe textProbe;
    private final TestPicker picker;
    private final HBox pictureRow = new HBox(24);
    private final ScrollPane pictureView;
    private Point2D marker;

    public PlaygroundView(PlaygroundViewModel model) {
        this.model = model;
        getStyleClass().add("playground");
        setPadding(new Insets(8));
        status.setWrapText(true);
        status.getStyleClass().add("playground-status");
        status.textProperty().bind(model.statusProperty());
        answer.getStyleClass().add("playground-answer");
        answer.textProperty().bind(model.answerProperty());
        plane.setId("playground-plane");
        planeHolder.setMinSize(120, 120);
        planeHolder.widthProperty().addListener(o -> paintPlane());
        planeHolder.heightProperty().addListener(o -> paintPlane());
        plane.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                ask(e.getX(), e.getY());
            }
        });
        units.setPrefColumns(4);
        units.setId("playground-units");
        Label unitsTitle = new Label(Messages.get("playground.units"));
        unitsTitle.getStyleClass().add("playground-units-title");
        ScrollPane unitScroll = new ScrollPane(units);
        unitScroll.setFitToWidth(true);
        unitsBox = new VBox(6, unitsTitle, unitScroll);
        unitsBox.setPrefWidth(4 * (UNIT_SIZE + 8) + 24);
        VBox.setVgrow(unitScroll, Priority.ALWAYS);
        planeView = new HBox(12, planeHolder, unitsBox);
        HBox.setHgrow(planeHolder, Priority.ALWAYS);
        drawPad = new DrawPad(model::draw);
        textProbe = new TextProbe(model::type);
        picker = new TestPicker(model.pictures(), model::className, drawPad::load);
        // The picture (picked or drawn) on top; what the Conv2D layers make of it under it.
        VBox pictures = new VBox(12, pictureRow, new FeatureMapsView(model.pictures()));
        pictures.setPadding(new Insets(0, 8, 8, 0));
        pictureView = new ScrollPane(pictures);
        pictureView.setId("playground-pictures");
        pictureView.setFitToWidth(true);
        model.probabilitiesProperty().addListener((o, a, p) -> {
            drawPad.showProbabilities(p, model::className);
            textProbe.showProbabilities(p, model::className);
        });
        setTop(status);
        setCenter(planeView);
        setBottom(answer);
        BorderPane.setMargin(status, new Insets(0, 0, 8, 0));
        BorderPane.setMargin(answer, new Insets(8, 0, 0, 0));
        BorderPane.setAlignment(answer, Pos.CENTER_LEFT);
        model.boundaryProperty().addListener(o -> {
            paintPlane();
            paintUnits();
        });
        model.modeProperty().addListener(o -> showMode());
        showMode();
    }

    private void showMode() {
        PlaygroundViewModel.Mode mode = model.modeProperty().get();
        if (mode == PlaygroundViewModel.Mode.DRAW || mode == PlaygroundViewModel.Mode.IMAGE) {
            boolean pad = mode == PlaygroundViewModel.Mode.DRAW;
            picker.padShown(pad);
            if (pad) {
                drawPad.reset(model.drawSide());
                drawPad.setExtra(picker.buttons(), picker);
                pictureRow.getChildren().setAll(drawPad);
            } else {
                drawPad.setExtra(null, null);
                pictureRow.getChildren().setAll(picker);
            }
            setCenter(pictureView);
        } else if (mode == PlaygroundViewModel.Mode.TEXT) {
            textProbe.reset();
            setCenter(textProbe);
        } else {
            setCenter(planeView);
            planeView.setVisible(mode == PlaygroundViewModel.Mode.PLANE);
        }
        answer.setVisible(mode != PlaygroundViewModel.Mode.WAITING && mode != PlaygroundViewModel.Mode.NOT_PLANE);
        marker = null;
    }

    /** Where the plane is drawn: a square, centred in its holder. */
    private double side() {
        return Math.max(0, Math.min(planeHolder.getWidth(), planeHolder.getHeight()) - 2);
    }

    private void paintPlane() {
        double side = side();
        plane.setWidth(side);
        plane.setHeight(side);
        plane.relocate((planeHolder.getWidth() - side) / 2, (planeHolder.getHeight() - side) / 2);
        GraphicsContext g = plane.getGraphicsContext2D();
        g.clearRect(0, 0, side, side);
        TrainingEvent.Boundary b = model.boundaryProperty().get();
        if (b == null || side < 10) {
            return;
        }
        g.setImageSmoothing(true);
        g.drawImage(heatMap(b), 0, 0, side, side);
        TrainingEvent.BoundaryPoints p = model.pointsProperty().get();
        if (p != null) {
            g.setLineWidth(1);
            g.setStroke(Color.rgb(255, 255, 255, 0.9));
            for (int i = 0; i < p.x().length; i++) {
                double x = (p.x()[i] - b.xMin()) / (b.xMax() - b.xMin()) * side;
                double y = (b.yMax() - p.y()[i]) / (b.yMax() - b.yMin()) * side;
                g.setFill(classColor(p.label()[i]));
                g.fillOval(x - 3.5, y - 3.5, 7, 7);
                g.strokeOval(x - 3.5, y - 3.5, 7, 7);
            }
        }
        g.setStroke(Color.gray(0.5, 0.8));
        g.strokeRect(0.5, 0.5, side - 1, side - 1);
        if (marker != null) {
            g.setStroke(Color.gray(0.1));
            g.setLineWidth(2);
            g.strokeOval(marker.getX() - 7, marker.getY() - 7, 14, 14);
        }
    }

    /** One pixel per grid cell: the predicted class's colour, stronger where the network is surer. */
    static WritableImage heatMap(TrainingEvent.Boundary b) {
        int n = b.size();
        int classes = 2;
        for (int c : b.predicted()) {
            classes = Math.max(classes, c + 1);
        }
        double chance = 1.0 / classes;
        WritableImage image = new WritableImage(n, n);
        PixelWriter w = image.getPixelWriter();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int cell = r * n + c;
                double sure = Math.max(0, Math.min(1, (b.confidence()[cell] - chance) / (1 - chance)));
                Color k = classColor(b.predicted()[cell]);
                w.setColor(c, n - 1 - r, Color.color(k.getRed(), k.getGreen(), k.getBlue(), 0.1 + 0.45 * sure));
            }
        }
        return image;
    }

    private void paintUnits() {
        TrainingEvent.Boundary b = model.boundaryProperty().get();
        unitsBox.setVisible(b != null && !b.units().isEmpty());
        if (b == null) {
            units.getChildren().clear();
            return;
        }
        if (units.getChildren().size() != b.units().size()) {
            units.getChildren().clear();
            for (TrainingEvent.UnitMap u : b.units()) {
                Canvas c = new Canvas(UNIT_SIZE, UNIT_SIZE);
                Label l = new Label(Messages.get("playground.unit", u.layer(), u.unit() + 1), c);
                l.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
                l.setFont(Font.font(10));
                units.getChildren().add(l);
            }
        }
        for (int i = 0; i < b.units().size(); i++) {
            TrainingEvent.UnitMap u = b.units().get(i);
            Label l = (Label) units.getChildren().get(i);
            l.setText(Messages.get("playground.unit", u.layer(), u.unit() + 1));
            Canvas c = (Canvas) l.getGraphic();
            GraphicsContext g = c.getGraphicsContext2D();
            g.clearRect(0, 0, UNIT_SIZE, UNIT_SIZE);
            g.setImageSmoothing(true);
            g.drawImage(unitImage(u), 0, 0, UNIT_SIZE, UNIT_SIZE);
            g.setStroke(Color.gray(0.5, 0.8));
            g.strokeRect(0.5, 0.5, UNIT_SIZE - 1, UNIT_SIZE - 1);
        }
    }

    /** Negative activations blue, positive orange, scaled to the unit's largest magnitude. */
    static WritableImage unitImage(TrainingEvent.UnitMap u) {
        int n = u.size();
        double max = 1e-6;
        for (float v : u.values()) {
            max = Math.max(max, Math.abs(v));
        }
        WritableImage image = new WritableImage(n, n);
        PixelWriter w = image.getPixelWriter();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double v = u.values()[r * n + c] / max;
                Color k = v < 0 ? CLASS_COLORS[1] : CLASS_COLORS[0];
                w.setColor(c, n - 1 - r, Color.color(k.getRed(), k.getGreen(), k.getBlue(), 0.1 + 0.8 * Math.abs(v)));
            }
        }
        return image;
    }

    private void ask(double px, double py) {
        TrainingEvent.Boundary b = model.boundaryProperty().get();
        double side = side();
        if (b == null || side <= 0) {
            return;
        }
        marker = new Point2D(px, py);
        paintPlane();
        model.ask(b.xMin() + px / side * (b.xMax() - b.xMin()), b.yMax() - py / side * (b.yMax() - b.yMin()));
    }

    static Color classColor(int k) {
        return CLASS_COLORS[Math.floorMod(k, CLASS_COLORS.length)];
    }
}

package org.layercanvas.charts.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.layercanvas.charts.ConfusionMatrixView;
import org.layercanvas.charts.LiveChart;
import org.layercanvas.charts.SeriesHandle;
import org.layercanvas.charts.SeriesStyle;

/**
 * Renders two live charts (two runs, raw + smoothed training loss and validation points) and two 10 x 10 confusion
 * matrices, light on top and dark below, and writes a PNG (default /tmp/charts-demo.png), for looking at the style.
 * Not a test. Args: [output.png] [--log]
 */
public final class ChartsDemoShot {
    private ChartsDemoShot() {
    }

    public static void main(String[] args) throws Exception {
        String out = args.length > 0 && !args[0].startsWith("--") ? args[0] : "/tmp/charts-demo.png";
        boolean log = List.of(args).contains("--log");
        CountDownLatch done = new CountDownLatch(1);
        Platform.startup(() -> {
            GridPane grid = new GridPane();
            List<javafx.scene.Parent> hovers = new ArrayList<>();
            grid.setHgap(0);
            grid.setVgap(0);
            for (int row = 0; row < 2; row++) {
                boolean dark = row == 1;
                LiveChart chart = demoChart(dark, log);
                chart.setSmoothing(0.9);
                Slider slider = new Slider(0, 0.99, 0.9);
                slider.valueProperty().bindBidirectional(chart.smoothingProperty());
                Label sliderLabel = new Label("Smoothing");
                sliderLabel.setStyle("-fx-text-fill: " + (dark ? "#c9ced6" : "#3c4350"));
                HBox controls = new HBox(8, sliderLabel, slider);
                controls.setPadding(new Insets(4, 12, 4, 12));
                controls.setStyle("-fx-background-color: " + (dark ? "#1e2127" : "white"));
                VBox left = new VBox(chart, controls);
                VBox.setVgrow(chart, Priority.ALWAYS);
                ConfusionMatrixView matrix = new ConfusionMatrixView();
                matrix.setDark(dark);
                matrix.setMatrix(confusion(), List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
                        "horse", "ship", "truck"));
                // The charts take their colours from the (here simulated) AtlantaFX theme of their row.
                left.getStyleClass().add(dark ? "dark-row" : "light-row");
                matrix.getStyleClass().add(dark ? "dark-row" : "light-row");
                grid.add(left, 0, row);
                grid.add(matrix, 1, row);
                GridPane.setHgrow(left, Priority.ALWAYS);
                GridPane.setVgrow(left, Priority.ALWAYS);
                matrix.setPrefSize(520, 450);
                hovers.add(chart);
                hovers.add(matrix);
            }
            Stage stage = new Stage();
            Scene scene = new Scene(grid, 1400, 900);
            scene.getStylesheets().add(ChartsDemoShot.class.getResource("demo-themes.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            PauseTransition settle = new PauseTransition(Duration.millis(800));
            settle.setOnFinished(e -> {
                // Pretend the mouse rests on the first chart and on the second matrix, to see the read-outs.
                hover(hovers.get(0), 0.55, 0.5);
                hover(hovers.get(3), 0.42, 0.42);
                WritableImage img = scene.snapshot(null);
                try {
                    ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", new File(out));
                    System.out.println("wrote " + out);
                } catch (Exception ex) {
                    ex.printStackTrace();
                }
                stage.close();
                done.countDown();
            });
            settle.play();
        });
        done.await(60, TimeUnit.SECONDS);
        Platform.exit();
    }

    private static void hover(javafx.scene.Parent view, double fx, double fy) {
        javafx.scene.Node target = view.getChildrenUnmodifiable().get(0);
        double x = target.getLayoutBounds().getWidth() * fx;
        double y = target.getLayoutBounds().getHeight() * fy;
        javafx.geometry.Point2D screen = target.localToScreen(x, y);
        javafx.geometry.Point2D scene = target.localToScene(x, y);
        javafx.event.Event.fireEvent(target, new javafx.scene.input.MouseEvent(
                javafx.scene.input.MouseEvent.MOUSE_MOVED, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                javafx.scene.input.MouseButton.NONE, 0, false, false, false, false, false, false, false, false,
                false, false, null));
    }

    static LiveChart demoChart(boolean dark, boolean log) {
        LiveChart chart = new LiveChart("Loss", "Iteration", "Cross-entropy loss");
        chart.setDark(dark);
        chart.setLogScale(log);
        Random random = new Random(42);
        for (int run = 0; run < 2; run++) {
            String id = "run" + (run + 1);
            var color = SeriesStyle.paletteColor(run);
            SeriesHandle train = chart.addSeries(id + "/train", id, "run " + (run + 1) + " training",
                    SeriesStyle.rawAndSmoothed(color));
            SeriesHandle val = chart.addSeries(id + "/val", id, "run " + (run + 1) + " validation",
                    SeriesStyle.pointsAndLine(run == 0 ? SeriesStyle.paletteColor(4) : SeriesStyle.paletteColor(2)));
            double speed = run == 0 ? 700 : 1100;
            double floor = run == 0 ? 0.32 : 0.45;
            for (int i = 1; i <= 6000; i++) {
                double clean = 2.1 * Math.exp(-i / speed) + floor;
                double noise = random.nextGaussian() * (0.08 + 0.25 * Math.exp(-i / 1500.0));
                train.append(i, Math.max(0.02, clean + noise));
                if (i % 400 == 0) {
                    val.append(i, clean + 0.08 + 0.00002 * i + random.nextGaussian() * 0.02);
                }
            }
        }
        return chart;
    }

    static long[][] confusion() {
        Random random = new Random(5);
        long[][] m = new long[10][10];
        for (int r = 0; r < 10; r++) {
            int total = 1000;
            int correct = 600 + random.nextInt(330);
            m[r][r] = correct;
            int rest = total - correct;
            List<Integer> others = new ArrayList<>();
            for (int c = 0; c < 10; c++) {
                if (c != r) {
                    others.add(c);
                }
            }
            // cats and dogs get mixed up, as do cars and trucks
            int partner = r == 3 ? 5 : r == 5 ? 3 : r == 1 ? 9 : r == 9 ? 1 : others.get(random.nextInt(9));
            int confused = rest / 2;
            m[r][partner] += confused;
            rest -= confused;
            while (rest > 0) {
                int c = others.get(random.nextInt(9));
                int k = Math.min(rest, 1 + random.nextInt(20));
                m[r][c] += k;
                rest -= k;
            }
        }
        return m;
    }
}

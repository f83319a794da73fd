package org.layercanvas.grapheditor.bench;

import java.io.File;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.layercanvas.grapheditor.ConnectionPolicy;
import org.layercanvas.grapheditor.CreateChoice;
import org.layercanvas.grapheditor.GraphEditor;
import org.layercanvas.grapheditor.GraphMinimap;
import org.layercanvas.grapheditor.GraphSnapshot;
import org.layercanvas.grapheditor.NodeModel;
import org.layercanvas.grapheditor.NodeState;
import org.layercanvas.grapheditor.PortKey;
import org.layercanvas.grapheditor.PortModel;
import org.layercanvas.grapheditor.WireModel;

/**
 * Renders a small demo graph in a 1000 x 700 stage and writes a PNG (default /tmp/graph-editor-demo.png), for
 * looking at the default style. Not a test. Args: [output.png] [--menu] (also show the create menu).
 */
public final class EditorDemoShot {
    private EditorDemoShot() {
    }

    public static void main(String[] args) throws Exception {
        String out = args.length > 0 && !args[0].startsWith("--") ? args[0] : "/tmp/graph-editor-demo.png";
        boolean menu = List.of(args).contains("--menu");
        CountDownLatch done = new CountDownLatch(1);
        Platform.startup(() -> {
            GraphEditor editor = new GraphEditor();
            editor.setConnectionPolicy((from, to) -> ConnectionPolicy.Verdict.OK);
            editor.setCreateChoices(List.of(
                    new CreateChoice("dense", "Dense", "Fully connected layer", "Core", "mdi2v-vector-polyline"),
                    new CreateChoice("dropout", "Dropout", "Randomly zeroes activations", "Regularization", null),
                    new CreateChoice("conv2d", "Conv2D", "2D convolution", "Convolution", "mdi2g-grid")));
            GraphMinimap minimap = new GraphMinimap(editor);
            minimap.setMaxSize(180, 120);
            StackPane.setAlignment(minimap, Pos.BOTTOM_RIGHT);
            StackPane.setMargin(minimap, new Insets(12));
            Stage stage = new Stage();
            Scene scene = new Scene(new StackPane(editor, minimap), 1000, 700);
            stage.setScene(scene);
            stage.show();
            editor.setGraph(demo());
            editor.applyPendingGraph();
            editor.select("dense1");
            PauseTransition settle = new PauseTransition(Duration.millis(400));
            settle.setOnFinished(e -> {
                editor.zoomToFit();
                if (menu) {
                    editor.showCreateMenu(new Point2D(700, 300), new PortKey("dense2", "out"));
                }
                PauseTransition again = new PauseTransition(Duration.millis(500));
                again.setOnFinished(e2 -> {
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
                again.play();
            });
            settle.play();
        });
        done.await(60, TimeUnit.SECONDS);
        Platform.exit();
    }

    static GraphSnapshot demo() {
        PortModel in = new PortModel("in", "input", false);
        PortModel out = new PortModel("out", "output", false);
        PortModel a = new PortModel("a", "a", false);
        PortModel b = new PortModel("b", "b", false);
        List<NodeModel> nodes = List.of(
                new NodeModel("input", "Image input", "32x32x3 RGB", "", "mdi2i-image-outline", "input",
                        List.of(), List.of(out), 300, 40, NodeState.NORMAL, ""),
                new NodeModel("conv", "Conv2D", "16 filters, 3x3, relu", "448", "mdi2g-grid", "conv",
                        List.of(in), List.of(out), 140, 180, NodeState.NORMAL, ""),
                new NodeModel("flatten", "Flatten", "", "", "mdi2a-arrow-collapse-vertical", "reshape",
                        List.of(in), List.of(out), 460, 180, NodeState.NORMAL, ""),
                new NodeModel("dense1", "Dense", "128 units, relu", "393k", "mdi2v-vector-polyline", "dense",
                        List.of(in), List.of(out), 460, 320, NodeState.RUNNING, ""),
                new NodeModel("merge", "Add", "element-wise sum", "", "mdi2p-plus-circle-outline", "merge",
                        List.of(a, b), List.of(out), 300, 460, NodeState.ERROR,
                        "Inputs do not match: 16x30x30 vs 128"),
                new NodeModel("dense2", "Output", "10 classes, softmax", "1.3k", "mdi2t-target", "output",
                        List.of(in), List.of(out), 300, 600, NodeState.WARNING, "No loss chosen yet"));
        List<WireModel> wires = List.of(
                new WireModel("w1", new PortKey("input", "out"), new PortKey("conv", "in"), "32x32x3", NodeState.NORMAL),
                new WireModel("w2", new PortKey("input", "out"), new PortKey("flatten", "in"), "32x32x3", NodeState.NORMAL),
                new WireModel("w3", new PortKey("flatten", "out"), new PortKey("dense1", "in"), "3072", NodeState.NORMAL),
                new WireModel("w4", new PortKey("conv", "out"), new PortKey("merge", "a"), "30x30x16", NodeState.ERROR),
                new WireModel("w5", new PortKey("dense1", "out"), new PortKey("merge", "b"), "128", NodeState.NORMAL),
                new WireModel("w6", new PortKey("merge", "out"), new PortKey("dense2", "in"), "", NodeState.NORMAL));
        return new GraphSnapshot(nodes, wires);
    }
}

package org.layercanvas.app.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.util.Duration;
import org.layercanvas.app.document.DocumentCommands;
import org.layercanvas.app.document.DocumentSession;
import org.layercanvas.grapheditor.CreateChoice;
import org.layercanvas.grapheditor.EditorIntents;
import org.layercanvas.grapheditor.GraphEditor;
import org.layercanvas.grapheditor.GraphSnapshot;
import org.layercanvas.grapheditor.LayeredLayout;
import org.layercanvas.grapheditor.PortKey;
import org.layercanvas.model.Edge;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.Position;
import org.layercanvas.model.io.DocumentFormatException;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.Fix;

/**
 * Connects one document to one graph editor: pushes a new snapshot after every change, and turns the editor's
 * intents (move, connect, delete, create) and the canvas commands (add layer, copy, paste, duplicate, layout)
 * into document commands.
 */
public final class CanvasController implements EditorIntents {
    /** Clipboard format of copied layers: a {@code .lcnet} document holding just them. */
    public static final DataFormat FRAGMENT_FORMAT = new DataFormat("application/x-layercanvas-fragment");
    private static final double ROW = 110;
    private static final double PASTE_OFFSET = 40;

    private final DocumentSession session;
    private final GraphEditor editor;
    private final GraphPresenter presenter;
    private final Executor background;
    private Consumer<String> onInspect = id -> { };
    private Consumer<String> onStatus = s -> { };

    public CanvasController(DocumentSession session, GraphEditor editor, Executor background) {
        this.session = session;
        this.editor = editor;
        this.background = background;
        this.presenter = new GraphPresenter(session.catalog(), session.inference());
        editor.setIntents(this);
        editor.setConnectionPolicy(presenter.policy(session::document));
        editor.setCreateChoices(createChoices());
        session.analysisProperty().addListener((o, a, analysis) -> push());
        push();
    }

    public void setOnInspect(Consumer<String> handler) {
        this.onInspect = handler;
    }

    public void setOnStatus(Consumer<String> handler) {
        this.onStatus = handler;
    }

    private void push() {
        editor.setGraph(presenter.snapshot(session.document(), session.analysis()));
    }

    /** Shows warnings from outside the validator on nodes (see {@link GraphPresenter#setNotes}). */
    public void setNodeNotes(Map<String, List<String>> notes) {
        presenter.setNotes(notes);
        push();
    }

    /** Status lines at the foot of the nodes (step mode's health); an empty map removes them. */
    public void setNodeStatuses(Map<String, GraphPresenter.Status> statuses) {
        presenter.setStatuses(statuses);
        push();
    }

    private List<CreateChoice> createChoices() {
        List<CreateChoice> choices = new ArrayList<>();
        for (LayerType t : LayerType.values()) {
            if (GraphPresenter.takesInput(t)) {
                choices.add(new CreateChoice(t.jsonName(), t.jsonName(),
                        session.catalog().description(t, Locale.getDefault()),
                        org.layercanvas.app.Messages.get("category." + LayerLook.category(t)), LayerLook.icon(t)));
            }
        }
        return choices;
    }

    // ---- intents from the editor -----------------------------------------------------------------------------

    @Override
    public void moveNodes(Map<String, Point2D> positions) {
        Map<String, Position> moved = new HashMap<>();
        positions.forEach((id, p) -> moved.put(id, new Position(p.getX(), p.getY())));
        session.execute(DocumentCommands.move(moved));
    }

    @Override
    public void connect(PortKey from, PortKey to) {
        session.execute(DocumentCommands.connect(GraphPresenter.edge(from, to)));
    }

    @Override
    public void reconnect(String wireId, PortKey from, PortKey to) {
        session.document().edges().stream().filter(e -> GraphPresenter.wireId(e).equals(wireId)).findFirst()
                .ifPresent(old -> session.execute(DocumentCommands.reconnect(old, GraphPresenter.edge(from, to))));
    }

    @Override
    public void delete(Set<String> nodeIds, Set<String> wireIds) {
        List<Edge> edges = session.document().edges().stream()
                .filter(e -> wireIds.contains(GraphPresenter.wireId(e))).toList();
        if (!nodeIds.isEmpty() || !edges.isEmpty()) {
            session.execute(DocumentCommands.delete(nodeIds, edges));
        }
    }

    @Override
    public void create(CreateChoice choice, Point2D at, PortKey from) {
        LayerType type = LayerType.fromJson(choice.id());
        String id = DocumentCommands.freshId(session.document(), type, Set.of());
        Position position = new Position(at.getX(), at.getY());
        if (from != null) {
            session.execute(DocumentCommands.addConnectedNode(id, type, position, from.nodeId(), from.port()));
        } else {
            session.execute(DocumentCommands.addNode(id, type, position));
        }
        selectLater(List.of(id));
    }

    @Override
    public void inspect(String nodeId) {
        onInspect.accept(nodeId);
    }

    // ---- canvas commands -------------------------------------------------------------------------------------

    /**
     * Adds a layer: below the selected node and wired to it when exactly one node with an output is selected
     * (so that a network can be built from the keyboard), otherwise at the centre of the view.
     */
    public String addLayer(LayerType type) {
        NetworkDocument doc = session.document();
        String id = DocumentCommands.freshId(doc, type, Set.of());
        Set<String> selected = editor.getSelectedNodes();
        Node anchor = selected.size() == 1 ? doc.node(selected.iterator().next()).orElse(null) : null;
        if (anchor != null && session.catalog().spec(anchor.type()).hasOutput() && GraphPresenter.takesInput(type)) {
            Position at = new Position(anchor.position().x(), anchor.position().y() + ROW);
            session.execute(DocumentCommands.addConnectedNode(id, type, at, anchor.id(), "out"));
        } else {
            Point2D c = editor.viewportCenter();
            session.execute(DocumentCommands.addNode(id, type, freeSpot(doc, c.getX() - 70, c.getY() - 30)));
        }
        selectLater(List.of(id));
        return id;
    }

    /** The first place at or below (x, y) where a new node does not cover an existing one. */
    private Position freeSpot(NetworkDocument doc, double x, double y) {
        double top = y;
        for (int tries = 0; tries < 50; tries++) {
            double candidate = top;
            boolean taken = doc.nodes().stream().anyMatch(n -> Math.abs(n.position().x() - x) < 160
                    && Math.abs(n.position().y() - candidate) < 70);
            if (!taken) {
                return new Position(x, candidate);
            }
            top += ROW;
        }
        return new Position(x, top);
    }

    /** Adds a layer where something was dropped (canvas coordinates). */
    public String addLayerAt(LayerType type, Point2D canvasPoint) {
        String id = DocumentCommands.freshId(session.document(), type, Set.of());
        session.execute(DocumentCommands.addNode(id, type, new Position(canvasPoint.getX(), canvasPoint.getY())));
        selectLater(List.of(id));
        return id;
    }

    public void applyFix(Fix fix) {
        session.execute(DocumentCommands.applyFix(fix));
    }

    public boolean hasSelection() {
        return !editor.getSelectedNodes().isEmpty();
    }

    public void deleteSelection() {
        delete(Set.copyOf(editor.getSelectedNodes()), Set.copyOf(editor.getSelectedWires()));
    }

    public void copy() {
        if (!hasSelection()) {
            return;
        }
        NetworkDocument fragment = DocumentCommands.fragment(session.document(), editor.getSelectedNodes());
        ClipboardContent content = new ClipboardContent();
        content.put(FRAGMENT_FORMAT, DocumentJson.write(fragment));
        Clipboard.getSystemClipboard().setContent(content);
    }

    public void cut() {
        copy();
        deleteSelection();
    }

    public void paste() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (!clipboard.hasContent(FRAGMENT_FORMAT)) {
            return;
        }
        try {
            NetworkDocument fragment = DocumentJson.read((String) clipboard.getContent(FRAGMENT_FORMAT),
                    "clipboard");
            pasteFragment(fragment);
        } catch (DocumentFormatException e) {
            onStatus.accept(org.layercanvas.app.Messages.get("status.pasteFailed", e.getMessage()));
        }
    }

    public boolean canPaste() {
        return Clipboard.getSystemClipboard().hasContent(FRAGMENT_FORMAT);
    }

    public void duplicate() {
        if (hasSelection()) {
            pasteFragment(DocumentCommands.fragment(session.document(), editor.getSelectedNodes()));
        }
    }

    private void pasteFragment(NetworkDocument fragment) {
        Map<String, String> ids = new LinkedHashMap<>();
        session.execute(DocumentCommands.paste(fragment, PASTE_OFFSET, PASTE_OFFSET, ids));
        selectLater(new ArrayList<>(ids.values()));
    }

    /** Lays the graph out top to bottom (ELK, off the FX thread), animates it into place, then records one move. */
    public void autoLayout() {
        GraphSnapshot snapshot = presenter.snapshot(session.document(), session.analysis());
        Map<String, Dimension2D> sizes = editor.nodeSizes();
        NetworkDocument at = session.document();
        background.execute(() -> {
            Map<String, Point2D> positions = LayeredLayout.compute(snapshot, sizes);
            Platform.runLater(() -> {
                if (session.document() != at) {
                    return; // the user edited meanwhile; a stale layout would undo their change
                }
                editor.animateTo(positions, Duration.millis(350), () -> moveNodes(positions));
            });
        });
    }

    /** Selects nodes once the editor shows them (after the snapshot of this pulse is applied). */
    private void selectLater(List<String> ids) {
        Platform.runLater(() -> {
            editor.applyPendingGraph();
            if (ids.size() == 1) {
                editor.select(ids.get(0));
            } else {
                editor.clearSelection();
                editor.getSelectedNodes().addAll(ids);
            }
        });
    }
}

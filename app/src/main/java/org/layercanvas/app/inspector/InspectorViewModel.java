package org.layercanvas.app.inspector;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layercanvas.app.Messages;
import org.layercanvas.app.document.Command;
import org.layercanvas.app.document.DocumentSession;
import org.layercanvas.app.document.EditCheck;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.shape.Analysis;

/**
 * The inspector's state: which layer it shows, the fields of the Layer, Network and Training tabs (rebuilt only
 * when the set of fields changes, refreshed from the document otherwise) and the reason the last edit was refused.
 * An edit runs as a command unless the validator would report a new error at that field.
 */
public final class InspectorViewModel {
    private final DocumentSession session;
    private final InspectorFields fields;
    private final ReadOnlyObjectWrapper<String> nodeId = new ReadOnlyObjectWrapper<>(this, "nodeId");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description");
    private final ReadOnlyStringWrapper lastRefusal = new ReadOnlyStringWrapper(this, "lastRefusal", "");
    private final ObservableList<FieldItem> layerFields = FXCollections.observableArrayList();
    private final ObservableList<FieldItem> networkFields = FXCollections.observableArrayList();
    private final ObservableList<FieldItem> trainingFields = FXCollections.observableArrayList();

    public InspectorViewModel(DocumentSession session) {
        this.session = session;
        this.fields = new InspectorFields(session, this::submit);
        trainingFields.setAll(prepared(fields.training(), session.document()));
        session.commands().documentProperty().addListener((o, a, doc) -> refresh(doc));
        refresh(session.document());
    }

    /** Shows the given node (null: none) in the Layer tab. */
    public void showNode(String id) {
        nodeId.set(id);
        refresh(session.document());
    }

    /** The node the Layer tab shows, or null. */
    public ReadOnlyObjectProperty<String> nodeIdProperty() {
        return nodeId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    /** Why the last edit was refused; empty after an accepted one. */
    public ReadOnlyStringProperty lastRefusalProperty() {
        return lastRefusal.getReadOnlyProperty();
    }

    ObservableList<FieldItem> layerFields() {
        return layerFields;
    }

    ObservableList<FieldItem> networkFields() {
        return networkFields;
    }

    ObservableList<FieldItem> trainingFields() {
        return trainingFields;
    }

    /** The field with this key ({@code dense1.units}, {@code training.epochs}, ...), if one is shown. */
    Optional<FieldItem> field(String key) {
        for (List<FieldItem> list : List.of(layerFields, networkFields, trainingFields)) {
            for (FieldItem f : list) {
                if (Objects.equals(f.key(), key)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    private void refresh(NetworkDocument doc) {
        Node node = nodeId.get() == null ? null : doc.node(nodeId.get()).orElse(null);
        update(layerFields, node == null ? List.of() : fields.layer(node), doc);
        update(networkFields, fields.network(doc), doc);
        trainingFields.forEach(i -> i.refresh(doc));
        if (node == null) {
            heading.set(Messages.get("inspector.noSelection"));
            description.set(Messages.get("inspector.noSelection.hint"));
        } else {
            heading.set(Messages.get("inspector.layerHeading", node.type().jsonName(), node.id()));
            description.set(session.catalog().description(node.type(), Locale.getDefault()));
        }
    }

    /** Replaces the fields when their keys changed (another layer, another dataset); else refreshes the values. */
    private void update(ObservableList<FieldItem> shown, List<FieldItem> wanted, NetworkDocument doc) {
        List<String> keys = wanted.stream().map(FieldItem::key).toList();
        if (!keys.equals(shown.stream().map(FieldItem::key).toList())) {
            shown.setAll(prepared(wanted, doc));
        } else {
            shown.forEach(i -> i.refresh(doc));
        }
    }

    private List<FieldItem> prepared(List<FieldItem> items, NetworkDocument doc) {
        items.forEach(i -> {
            i.onBadNumber(this::notANumber);
            i.refresh(doc);
        });
        return items;
    }

    /**
     * Runs the command unless the validator would report a new error at this field (wrong range, split that does
     * not add up, ...); then the field goes back and the reason is kept. Returns the refusal or null.
     */
    String submit(FieldItem item, Command command) {
        Analysis after = session.inference().analyze(command.apply(session.document()));
        Optional<String> refused = EditCheck.refusal(item.key(), session.analysis(), after);
        if (refused.isPresent()) {
            lastRefusal.set(refused.get());
            return refused.get();
        }
        lastRefusal.set("");
        session.execute(command);
        return null;
    }

    private void notANumber(FieldItem item, String text) {
        lastRefusal.set(Messages.get("inspector.notANumber", item.getName(), text));
    }
}

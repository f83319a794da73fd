package org.layercanvas.app.inspector;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.Editors;
import org.controlsfx.property.editor.PropertyEditor;
import org.layercanvas.app.Messages;

/**
 * The inspector: the selected layer's parameters (typed editors driven by the layer catalog, ranges enforced),
 * the network's title, description and dataset, and the training settings, as three property sheets bound to an
 * {@link InspectorViewModel}. A value the validator would reject is refused with its reason and the field goes back
 * to the document's value.
 */
public final class InspectorView extends VBox {
    private final InspectorViewModel model;
    private final PropertySheet layerSheet = sheet("inspector-layer");
    private final PropertySheet networkSheet = sheet("inspector-network");
    private final PropertySheet trainingSheet = sheet("inspector-training");
    private final TabPane tabs = new TabPane();
    private final Tab layerTab;

    public InspectorView(InspectorViewModel model) {
        this.model = model;
        setId("inspector");
        getStyleClass().add("inspector");
        setPadding(new Insets(8));
        setSpacing(6);

        Label layerHeading = new Label();
        layerHeading.getStyleClass().add("pane-title");
        layerHeading.setId("inspector-heading");
        layerHeading.textProperty().bind(model.headingProperty());
        Label layerDescription = new Label();
        layerDescription.getStyleClass().add("inspector-description");
        layerDescription.setWrapText(true);
        layerDescription.textProperty().bind(model.descriptionProperty());
        VBox layerBox = new VBox(6, layerHeading, layerDescription, layerSheet);
        VBox.setVgrow(layerSheet, Priority.ALWAYS);
        layerBox.setPadding(new Insets(6, 0, 0, 0));

        layerTab = tab(Messages.get("inspector.tab.layer"), layerBox, "tab-layer");
        tabs.getTabs().addAll(layerTab, tab(Messages.get("inspector.tab.network"), networkSheet, "tab-network"),
                tab(Messages.get("inspector.tab.training"), trainingSheet, "tab-training"));
        tabs.setId("inspector-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);

        Label feedback = new Label();
        feedback.setId("inspector-feedback");
        feedback.getStyleClass().add("inspector-feedback");
        feedback.setWrapText(true);
        feedback.textProperty().bind(model.lastRefusalProperty());
        feedback.visibleProperty().bind(model.lastRefusalProperty().isNotEmpty());
        feedback.managedProperty().bind(feedback.visibleProperty());
        getChildren().addAll(tabs, feedback);

        follow(layerSheet, model.layerFields());
        follow(networkSheet, model.networkFields());
        follow(trainingSheet, model.trainingFields());
    }

    private static Tab tab(String title, javafx.scene.Node content, String id) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        t.setId(id);
        return t;
    }

    /** The sheet shows the view model's fields, keeping its open section when they are replaced. */
    private static void follow(PropertySheet sheet, ObservableList<FieldItem> fields) {
        sheet.getItems().setAll(fields);
        fields.addListener((ListChangeListener<FieldItem>) c -> replaceKeepingSection(sheet, List.copyOf(fields)));
    }

    private static PropertySheet sheet(String id) {
        PropertySheet sheet = new PropertySheet();
        sheet.setId(id);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();
        sheet.setPropertyEditorFactory(item -> editorFor(item, defaults));
        return sheet;
    }

    /**
     * A field in a narrow inspector may show only the start of its value ("8x8 handwritte"): the whole value is one
     * hover away (no tooltip while the value is empty).
     */
    static void showWholeValueOnHover(javafx.scene.control.Control field,
                                      javafx.beans.value.ObservableValue<?> value) {
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> value.getValue() == null ? "" : String.valueOf(value.getValue()), value));
        field.tooltipProperty().bind(javafx.beans.binding.Bindings.when(tip.textProperty().isEmpty())
                .then((javafx.scene.control.Tooltip) null).otherwise(tip));
    }

    private static PropertyEditor<?> editorFor(PropertySheet.Item item, DefaultPropertyEditorFactory defaults) {
        PropertyEditor<?> editor = makeEditor(item, defaults);
        // Editors asked for ~150 px, so in a 300 px inspector the grid shrank the labels to their minimum
        // ("Validation p..."). Asking for little lets each label have its full width; the editor column still grows
        // into the rest.
        if (editor.getEditor() instanceof javafx.scene.control.TextField
                || editor.getEditor() instanceof javafx.scene.control.ComboBox<?>) {
            ((javafx.scene.layout.Region) editor.getEditor()).setPrefWidth(60);
        }
        return editor;
    }

    private static PropertyEditor<?> makeEditor(PropertySheet.Item item, DefaultPropertyEditorFactory defaults) {
        if (item instanceof FieldItem f) {
            return switch (f.kind()) {
                case CHOICE -> {
                    PropertyEditor<?> choice = Editors.createChoiceEditor(item, f.choices());
                    if (choice.getEditor() instanceof javafx.scene.control.ComboBox<?> box) {
                        showWholeValueOnHover(box, box.valueProperty());
                    }
                    yield choice;
                }
                case BOOLEAN -> Editors.createCheckEditor(item);
                default -> new CommitTextEditor(item);
            };
        }
        return defaults.call(item);
    }

    /** Shows the given node (null: none) in the Layer tab and brings that tab to the front. */
    public void showNode(String id) {
        model.showNode(id);
        if (id != null) {
            tabs.getSelectionModel().select(layerTab);
        }
    }

    /** Brings the Network tab (title, description, dataset and its preprocessing) to the front. */
    public void showNetworkTab() {
        tabs.getSelectionModel().select(1);
    }

    public ReadOnlyStringProperty lastRefusalProperty() {
        return model.lastRefusalProperty();
    }

    public InspectorViewModel model() {
        return model;
    }

    /**
     * New items for a sheet whose fields changed (another dataset brings other options): the sheet rebuilds its
     * sections and would open the first, so the open section and the scroll position are put back.
     */
    private static void replaceKeepingSection(PropertySheet sheet, List<FieldItem> items) {
        String open = null;
        if (sheet.lookup(".accordion") instanceof javafx.scene.control.Accordion a && a.getExpandedPane() != null) {
            open = a.getExpandedPane().getText();
        }
        double scroll = sheet.lookup(".scroll-pane") instanceof javafx.scene.control.ScrollPane sp ? sp.getVvalue() : 0;
        sheet.getItems().setAll(items);
        if (open != null && sheet.lookup(".accordion") instanceof javafx.scene.control.Accordion a) {
            for (javafx.scene.control.TitledPane pane : a.getPanes()) {
                if (open.equals(pane.getText())) {
                    a.setExpandedPane(pane);
                }
            }
        }
        if (sheet.lookup(".scroll-pane") instanceof javafx.scene.control.ScrollPane sp) {
            javafx.application.Platform.runLater(() -> sp.setVvalue(scroll));
        }
    }

    /** The section that is open in a sheet (its title), or null. For tests. */
    public static String openSection(PropertySheet sheet) {
        return sheet.lookup(".accordion") instanceof javafx.scene.control.Accordion a && a.getExpandedPane() != null
                ? a.getExpandedPane().getText() : null;
    }

    /** The node shown in the Layer tab, or null. */
    public String nodeId() {
        return model.nodeIdProperty().get();
    }

    /** For tests: the field with this key, e.g. {@code dense1.units}. */
    public PropertySheet.Item item(String key) {
        return model.field(key).orElse(null);
    }
}

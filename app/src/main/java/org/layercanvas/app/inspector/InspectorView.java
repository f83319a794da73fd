package org.layercanvas.app.inspector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
import org.layercanvas.app.document.Command;
import org.layercanvas.app.document.DocumentCommands;
import org.layercanvas.app.document.EditCheck;
import org.layercanvas.app.document.DocumentSession;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.LrSchedule;
import org.layercanvas.model.Metadata;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.Optimizer;
import org.layercanvas.model.Split;
import org.layercanvas.model.TrainingSettings;
import org.layercanvas.model.data.DatasetCatalog;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.ParamDef;
import org.layercanvas.model.shape.Analysis;

/**
 * The inspector: the selected layer's parameters (typed editors driven by the layer catalog, ranges enforced),
 * the network's title, description and dataset, and the training settings. Every change is a command; a value
 * the validator would reject is refused with its reason and the field goes back to the document's value.
 */
public final class InspectorView extends VBox {
    private final DocumentSession session;
    private final PropertySheet layerSheet = sheet("inspector-layer");
    private final PropertySheet networkSheet = sheet("inspector-network");
    private final PropertySheet trainingSheet = sheet("inspector-training");
    private final Label layerHeading = new Label();
    private final Label layerDescription = new Label();
    private final Label feedback = new Label();
    private final ReadOnlyStringWrapper lastRefusal = new ReadOnlyStringWrapper(this, "lastRefusal", "");
    private final TabPane tabs = new TabPane();
    private final Tab layerTab;
    private String nodeId;
    private List<String> layerKeys = List.of();
    private List<String> networkKeys = List.of();
    private final List<FieldItem> trainingItems;

    public InspectorView(DocumentSession session) {
        this.session = session;
        setId("inspector");
        getStyleClass().add("inspector");
        setPadding(new Insets(8));
        setSpacing(6);

        layerHeading.getStyleClass().add("pane-title");
        layerHeading.setId("inspector-heading");
        layerDescription.getStyleClass().add("inspector-description");
        layerDescription.setWrapText(true);
        VBox layerBox = new VBox(6, layerHeading, layerDescription, layerSheet);
        VBox.setVgrow(layerSheet, Priority.ALWAYS);
        layerBox.setPadding(new Insets(6, 0, 0, 0));

        layerTab = new Tab(Messages.get("inspector.tab.layer"), layerBox);
        Tab networkTab = new Tab(Messages.get("inspector.tab.network"), networkSheet);
        Tab trainingTab = new Tab(Messages.get("inspector.tab.training"), trainingSheet);
        for (Tab t : List.of(layerTab, networkTab, trainingTab)) {
            t.setClosable(false);
        }
        layerTab.setId("tab-layer");
        networkTab.setId("tab-network");
        trainingTab.setId("tab-training");
        tabs.getTabs().addAll(layerTab, networkTab, trainingTab);
        tabs.setId("inspector-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);

        feedback.setId("inspector-feedback");
        feedback.getStyleClass().add("inspector-feedback");
        feedback.setWrapText(true);
        feedback.textProperty().bind(lastRefusal);
        feedback.visibleProperty().bind(lastRefusal.isNotEmpty());
        feedback.managedProperty().bind(feedback.visibleProperty());
        getChildren().addAll(tabs, feedback);

        trainingItems = trainingItems();
        trainingItems.forEach(i -> {
            i.onBadNumber(this::notANumber);
            i.refresh(session.document());
        });
        trainingSheet.getItems().setAll(trainingItems);
        session.commands().documentProperty().addListener((o, a, doc) -> refresh(doc));
        refresh(session.document());
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
        nodeId = id;
        refresh(session.document());
        if (id != null) {
            tabs.getSelectionModel().select(layerTab);
        }
    }

    public ReadOnlyStringProperty lastRefusalProperty() {
        return lastRefusal.getReadOnlyProperty();
    }

    private void refresh(NetworkDocument doc) {
        Node node = nodeId == null ? null : doc.node(nodeId).orElse(null);
        List<FieldItem> layerItems = node == null ? List.of() : layerItems(node);
        List<String> keys = layerItems.stream().map(FieldItem::key).toList();
        if (!keys.equals(layerKeys)) {
            layerKeys = keys;
            layerItems.forEach(i -> {
                i.onBadNumber(this::notANumber);
                i.refresh(doc);
            });
            replaceKeepingSection(layerSheet, layerItems);
        }
        layerSheet.getItems().forEach(i -> ((FieldItem) i).refresh(doc));
        if (node == null) {
            layerHeading.setText(Messages.get("inspector.noSelection"));
            layerDescription.setText(Messages.get("inspector.noSelection.hint"));
        } else {
            layerHeading.setText(Messages.get("inspector.layerHeading", node.type().jsonName(), node.id()));
            layerDescription.setText(session.catalog().description(node.type(), Locale.getDefault()));
        }

        List<FieldItem> networkItems = networkItems(doc);
        List<String> nKeys = networkItems.stream().map(FieldItem::key).toList();
        if (!nKeys.equals(networkKeys)) {
            networkKeys = nKeys;
            networkItems.forEach(i -> {
                i.onBadNumber(this::notANumber);
                i.refresh(doc);
            });
            replaceKeepingSection(networkSheet, networkItems);
        }
        networkSheet.getItems().forEach(i -> ((FieldItem) i).refresh(doc));
        trainingItems.forEach(i -> i.refresh(doc));
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

    // ---- items -----------------------------------------------------------------------------------------------

    private List<FieldItem> layerItems(Node node) {
        LayerCatalog catalog = session.catalog();
        String category = Messages.get("inspector.category.parameters");
        List<FieldItem> items = new ArrayList<>();
        for (ParamDef def : catalog.visibleParams(node)) {
            FieldItem.Kind kind = switch (def.type()) {
                case INT -> FieldItem.Kind.INT;
                case DOUBLE -> FieldItem.Kind.DOUBLE;
                case BOOLEAN -> FieldItem.Kind.BOOLEAN;
                case CHOICE -> FieldItem.Kind.CHOICE;
            };
            String id = node.id();
            String description = catalog.description(node.type(), def, Locale.getDefault())
                    + (def.type() == org.layercanvas.model.layers.ParamType.INT
                    || def.type() == org.layercanvas.model.layers.ParamType.DOUBLE
                    ? " " + Messages.get("inspector.range", def.rangeText()) : "");
            items.add(new FieldItem(id + "." + def.name(), category, def.name(), description, kind, def.choices(),
                    doc -> doc.node(id).map(n -> catalog.resolve(n).get(def.name())).orElse(null),
                    (item, value) -> submit(item, DocumentCommands.setParam(id, def.name(), value))));
        }
        return items;
    }

    private List<FieldItem> networkItems(NetworkDocument doc) {
        String about = Messages.get("inspector.category.about");
        String data = Messages.get("inspector.category.dataset");
        List<FieldItem> items = new ArrayList<>();
        items.add(new FieldItem("metadata.title", about, Messages.get("field.title"),
                Messages.get("field.title.description"), FieldItem.Kind.TEXT, null,
                d -> d.metadata().title(),
                (item, v) -> submit(item, DocumentCommands.setMetadata(
                        new Metadata((String) v, session.document().metadata().description())))));
        items.add(new FieldItem("metadata.description", about, Messages.get("field.description"),
                Messages.get("field.description.description"), FieldItem.Kind.TEXT, null,
                d -> d.metadata().description(),
                (item, v) -> submit(item, DocumentCommands.setMetadata(
                        new Metadata(session.document().metadata().title(), (String) v)))));
        items.add(new FieldItem("dataset.id", data, Messages.get("field.dataset"),
                Messages.get("field.dataset.description"), FieldItem.Kind.CHOICE, DatasetCatalog.ALL,
                d -> d.dataset() == null ? null : d.dataset().id(),
                (item, v) -> submit(item, DocumentCommands.setDatasetAndFollow(withDataset(ds -> new DatasetSpec(
                        (String) v, optionsKeptFor((String) v, ds), ds.split(), ds.seed())), session.inference()))));
        DatasetSpec ds = doc.dataset();
        if (ds != null) {
            String id = ds.id();
            if (DatasetCatalog.TOYS.contains(id) || DatasetCatalog.REGRESSION_TOYS.contains(id)
                    || DatasetCatalog.RANDOM.equals(id)) {
                items.add(option("samples", data, FieldItem.Kind.INT, null));
                if (!DatasetCatalog.RANDOM.equals(id)) {
                    items.add(option("noise", data, FieldItem.Kind.DOUBLE, null));
                }
            }
            if (DatasetCatalog.SENTIMENT.equals(id)) {
                items.add(option("language", data, FieldItem.Kind.CHOICE, DatasetCatalog.LANGUAGES));
            }
            if (DatasetCatalog.TEXT_SETS.contains(id)) {
                items.add(option("length", data, FieldItem.Kind.INT, null));
                items.add(option("vocab", data, FieldItem.Kind.INT, null));
            }
            if (DatasetCatalog.CSV.equals(id) || DatasetCatalog.IMAGES.equals(id)) {
                items.add(option("path", data, FieldItem.Kind.TEXT, null));
            }
            if (DatasetCatalog.CSV.equals(id)) {
                items.add(option("label", data, FieldItem.Kind.TEXT, null));
            }
            if (DatasetCatalog.isTabular(id)) {
                items.add(option("normalize", data, FieldItem.Kind.CHOICE, DatasetCatalog.NORMALIZATIONS));
            }
            if (DatasetCatalog.IMAGE_SETS.contains(id)) {
                items.add(option("augmentFlip", data, FieldItem.Kind.BOOLEAN, null));
                items.add(option("augmentShift", data, FieldItem.Kind.INT, null));
            }
        }
        items.add(splitItem("train", data, Split::train));
        items.add(splitItem("validation", data, Split::validation));
        items.add(splitItem("test", data, Split::test));
        items.add(new FieldItem("dataset.seed", data, Messages.get("field.dataset.seed"),
                Messages.get("field.dataset.seed.description"), FieldItem.Kind.LONG, null,
                d -> d.dataset() == null ? 0L : d.dataset().seed(),
                (item, v) -> submit(item, DocumentCommands.setDataset(withDataset(s -> new DatasetSpec(s.id(),
                        s.options(), s.split(), (Long) v))))));
        return items;
    }

    /** What an absent option means, as its editor shows it (editors cannot show "absent"). */
    static Object optionDefault(String dataset, String name) {
        boolean imdb = DatasetCatalog.IMDB.equals(dataset);
        return switch (name) {
            case "samples" -> DatasetCatalog.RANDOM.equals(dataset) ? 10_000 : 400;
            case "noise" -> 0.1;
            case "length" -> imdb ? DatasetCatalog.DEFAULT_IMDB_LENGTH : DatasetCatalog.DEFAULT_TEXT_LENGTH;
            case "vocab" -> imdb ? DatasetCatalog.DEFAULT_IMDB_VOCAB : DatasetCatalog.DEFAULT_SENTIMENT_VOCAB;
            case "language" -> "en";
            case "normalize" -> "none";
            case "augmentFlip" -> Boolean.FALSE;
            case "augmentShift" -> 0;
            default -> "";
        };
    }

    /** Options that still mean something for the newly chosen dataset (split and seed are kept separately). */
    private static Map<String, Object> optionsKeptFor(String id, DatasetSpec previous) {
        Map<String, Object> kept = new LinkedHashMap<>();
        if (previous.id().equals(id)) {
            kept.putAll(previous.options());
        } else if (DatasetCatalog.TOYS.contains(id) || DatasetCatalog.REGRESSION_TOYS.contains(id)) {
            for (String k : List.of("samples", "noise")) {
                if (previous.options().containsKey(k)) {
                    kept.put(k, previous.options().get(k));
                }
            }
        }
        return kept;
    }

    private FieldItem option(String name, String category, FieldItem.Kind kind, List<String> choices) {
        return new FieldItem("dataset.options." + name, category, Messages.get("field.option." + name),
                Messages.get("field.option." + name + ".description"), kind, choices,
                d -> d.dataset() == null ? null : d.dataset().options().getOrDefault(name,
                        optionDefault(d.dataset().id(), name)),
                (item, v) -> submit(item, DocumentCommands.setDataset(withDataset(s -> {
                    Map<String, Object> options = new LinkedHashMap<>(s.options());
                    options.put(name, v);
                    return new DatasetSpec(s.id(), options, s.split(), s.seed());
                }))));
    }

    private FieldItem splitItem(String part, String category, Function<Split, Double> get) {
        return new FieldItem("dataset.split." + part, category, Messages.get("field.split." + part),
                Messages.get("field.split.description"), FieldItem.Kind.DOUBLE, null,
                // before a dataset is chosen: the values choosing one will keep
                d -> get.apply(d.dataset() == null ? Split.DEFAULT : d.dataset().split()),
                (item, v) -> submit(item, DocumentCommands.setDataset(withDataset(s -> {
                    Split sp = s.split();
                    double x = (Double) v;
                    Split next = switch (part) {
                        case "train" -> new Split(x, sp.validation(), sp.test());
                        case "validation" -> new Split(sp.train(), x, sp.test());
                        default -> new Split(sp.train(), sp.validation(), x);
                    };
                    return new DatasetSpec(s.id(), s.options(), next, s.seed());
                }))));
    }

    /** The document's dataset changed by {@code edit}; a document without one starts from the digits. */
    private DatasetSpec withDataset(Function<DatasetSpec, DatasetSpec> edit) {
        DatasetSpec current = session.document().dataset();
        if (current == null) {
            current = new DatasetSpec(DatasetCatalog.DIGITS, Map.of(), Split.DEFAULT, 0);
        }
        return edit.apply(current);
    }

    private List<FieldItem> trainingItems() {
        String opt = Messages.get("inspector.category.optimizer");
        String run = Messages.get("inspector.category.run");
        String reg = Messages.get("inspector.category.regularization");
        List<String> optimizers = java.util.Arrays.stream(Optimizer.values()).map(Optimizer::jsonName).toList();
        List<String> schedules = java.util.Arrays.stream(LrSchedule.Type.values()).map(LrSchedule.Type::jsonName)
                .toList();
        List<FieldItem> items = new ArrayList<>();
        items.add(training("optimizer", opt, FieldItem.Kind.CHOICE, optimizers, t -> t.optimizer().jsonName(),
                (t, v) -> t.withOptimizer(Optimizer.fromJson((String) v))));
        items.add(training("learningRate", opt, FieldItem.Kind.DOUBLE, null, TrainingSettings::learningRate,
                (t, v) -> t.withLearningRate((Double) v)));
        items.add(training("momentum", opt, FieldItem.Kind.DOUBLE, null, TrainingSettings::momentum,
                (t, v) -> t.withMomentum((Double) v)));
        items.add(training("schedule", opt, FieldItem.Kind.CHOICE, schedules, t -> t.schedule().type().jsonName(),
                (t, v) -> withSchedule(t, new LrSchedule(LrSchedule.Type.fromJson((String) v),
                        t.schedule().gamma(), t.schedule().stepEpochs()))));
        items.add(training("gamma", opt, FieldItem.Kind.DOUBLE, null, t -> t.schedule().gamma(),
                (t, v) -> withSchedule(t, new LrSchedule(t.schedule().type(), (Double) v,
                        t.schedule().stepEpochs()))));
        items.add(training("stepEpochs", opt, FieldItem.Kind.INT, null, t -> t.schedule().stepEpochs(),
                (t, v) -> withSchedule(t, new LrSchedule(t.schedule().type(), t.schedule().gamma(), (Integer) v))));
        items.add(training("batchSize", run, FieldItem.Kind.INT, null, TrainingSettings::batchSize,
                (t, v) -> t.withBatchSize((Integer) v)));
        items.add(training("epochs", run, FieldItem.Kind.INT, null, TrainingSettings::epochs,
                (t, v) -> t.withEpochs((Integer) v)));
        items.add(training("seed", run, FieldItem.Kind.LONG, null, TrainingSettings::seed,
                (t, v) -> t.withSeed((Long) v)));
        items.add(training("earlyStoppingPatience", run, FieldItem.Kind.INT, null,
                TrainingSettings::earlyStoppingPatience,
                (t, v) -> t.withEarlyStoppingPatience((Integer) v)));
        items.add(training("weightDecay", reg, FieldItem.Kind.DOUBLE, null, TrainingSettings::weightDecay,
                (t, v) -> t.withWeightDecay((Double) v)));
        items.add(training("gradientClip", reg, FieldItem.Kind.DOUBLE, null, TrainingSettings::gradientClip,
                (t, v) -> t.withGradientClip((Double) v)));
        return items;
    }

    private static TrainingSettings withSchedule(TrainingSettings t, LrSchedule s) {
        return t.withSchedule(s);
    }

    private FieldItem training(String name, String category, FieldItem.Kind kind, List<String> choices,
                               Function<TrainingSettings, Object> get,
                               java.util.function.BiFunction<TrainingSettings, Object, TrainingSettings> set) {
        return new FieldItem("training." + name, category, Messages.get("field.training." + name),
                Messages.get("field.training." + name + ".description"), kind, choices,
                d -> get.apply(d.training()),
                (item, v) -> submit(item, DocumentCommands.setTraining(set.apply(session.document().training(), v))));
    }

    // ---- validation of an edit -------------------------------------------------------------------------------

    /**
     * Runs the command unless the validator would report a new error at this field (wrong range, split that does
     * not add up, ...); then the field goes back and the reason is shown.
     */
    private String submit(FieldItem item, Command command) {
        Analysis after = session.inference().analyze(command.apply(session.document()));
        java.util.Optional<String> refused = EditCheck.refusal(item.key(), session.analysis(), after);
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

    /** The node shown in the Layer tab, or null. */
    public String nodeId() {
        return nodeId;
    }

    /** For tests: the field with this key, e.g. {@code dense1.units}. */
    public PropertySheet.Item item(String key) {
        for (PropertySheet sheet : List.of(layerSheet, networkSheet, trainingSheet)) {
            for (PropertySheet.Item i : sheet.getItems()) {
                if (i instanceof FieldItem f && Objects.equals(f.key(), key)) {
                    return i;
                }
            }
        }
        return null;
    }
}

package org.layercanvas.app.inspector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.layercanvas.app.Messages;
import org.layercanvas.app.document.Command;
import org.layercanvas.app.document.DocumentCommands;
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
import org.layercanvas.model.layers.ParamType;

/**
 * The inspector's fields, made from the layer catalog, the dataset catalog and the training settings: each reads
 * its value from the document and turns an edit into a command, which it hands to the submitter (the view model
 * decides whether the command runs).
 */
final class InspectorFields {
    /** Runs or refuses a field's command; returns the refusal, or null when the command ran. */
    interface Submitter {
        String submit(FieldItem item, Command command);
    }

    private final DocumentSession session;
    private final Submitter submitter;

    InspectorFields(DocumentSession session, Submitter submitter) {
        this.session = session;
        this.submitter = submitter;
    }

    /** The parameters of {@code node} that its current settings make visible. */
    List<FieldItem> layer(Node node) {
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
            String description = catalog.description(node.type(), def, Locale.getDefault());
            if (def.type() == ParamType.INT || def.type() == ParamType.DOUBLE) {
                description = Messages.get("inspector.describedRange", description, def.rangeText());
            }
            items.add(new FieldItem(id + "." + def.name(), category, def.name(), description, kind, def.choices(),
                    doc -> doc.node(id).map(n -> catalog.resolve(n).get(def.name())).orElse(null),
                    (item, value) -> submitter.submit(item, DocumentCommands.setParam(id, def.name(), value))));
        }
        return items;
    }

    /** Title, description and the dataset with the options its kind has. */
    List<FieldItem> network(NetworkDocument doc) {
        String about = Messages.get("inspector.category.about");
        String data = Messages.get("inspector.category.dataset");
        List<FieldItem> items = new ArrayList<>();
        items.add(new FieldItem("metadata.title", about, Messages.get("field.title"),
                Messages.get("field.title.description"), FieldItem.Kind.TEXT, null,
                d -> d.metadata().title(),
                (item, v) -> submitter.submit(item, DocumentCommands.setMetadata(
                        new Metadata((String) v, session.document().metadata().description())))));
        items.add(new FieldItem("metadata.description", about, Messages.get("field.description"),
                Messages.get("field.description.description"), FieldItem.Kind.TEXT, null,
                d -> d.metadata().description(),
                (item, v) -> submitter.submit(item, DocumentCommands.setMetadata(
                        new Metadata(session.document().metadata().title(), (String) v)))));
        items.add(new FieldItem("dataset.id", data, Messages.get("field.dataset"),
                Messages.get("field.dataset.description"), FieldItem.Kind.CHOICE, DatasetCatalog.ALL,
                d -> d.dataset() == null ? null : d.dataset().id(),
                (item, v) -> submitter.submit(item, DocumentCommands.setDatasetAndFollow(withDataset(ds ->
                        new DatasetSpec((String) v, optionsKeptFor((String) v, ds), ds.split(), ds.seed())),
                        session.inference()))));
        if (doc.dataset() != null) {
            items.addAll(datasetOptions(doc.dataset().id(), data));
        }
        items.add(split("train", data, Split::train));
        items.add(split("validation", data, Split::validation));
        items.add(split("test", data, Split::test));
        items.add(new FieldItem("dataset.seed", data, Messages.get("field.dataset.seed"),
                Messages.get("field.dataset.seed.description"), FieldItem.Kind.LONG, null,
                d -> d.dataset() == null ? 0L : d.dataset().seed(),
                (item, v) -> submitter.submit(item, DocumentCommands.setDataset(withDataset(s ->
                        new DatasetSpec(s.id(), s.options(), s.split(), (Long) v))))));
        return items;
    }

    /** The options a dataset of kind {@code id} reads. */
    private List<FieldItem> datasetOptions(String id, String category) {
        List<FieldItem> items = new ArrayList<>();
        if (DatasetCatalog.TOYS.contains(id) || DatasetCatalog.REGRESSION_TOYS.contains(id)
                || DatasetCatalog.RANDOM.equals(id)) {
            items.add(option("samples", category, FieldItem.Kind.INT, null));
            if (!DatasetCatalog.RANDOM.equals(id)) {
                items.add(option("noise", category, FieldItem.Kind.DOUBLE, null));
            }
        }
        if (DatasetCatalog.FIRST_REPEAT.equals(id)) {
            // Generated sequences: the text sets' descriptions of length and vocab would mislead here.
            for (String name : List.of("samples", "length", "vocab")) {
                items.add(option(name, "field.option." + name + ".sequences", category, FieldItem.Kind.INT));
            }
        }
        if (DatasetCatalog.SENTIMENT.equals(id)) {
            items.add(option("language", category, FieldItem.Kind.CHOICE, DatasetCatalog.LANGUAGES));
        }
        if (DatasetCatalog.TEXT_SETS.contains(id)) {
            items.add(option("length", category, FieldItem.Kind.INT, null));
            items.add(option("vocab", category, FieldItem.Kind.INT, null));
        }
        if (DatasetCatalog.CSV.equals(id) || DatasetCatalog.IMAGES.equals(id)) {
            items.add(option("path", category, FieldItem.Kind.TEXT, null));
        }
        if (DatasetCatalog.CSV.equals(id)) {
            items.add(option("label", category, FieldItem.Kind.TEXT, null));
        }
        if (DatasetCatalog.isTabular(id)) {
            items.add(option("normalize", category, FieldItem.Kind.CHOICE, DatasetCatalog.NORMALIZATIONS));
        }
        if (DatasetCatalog.IMAGE_SETS.contains(id)) {
            items.add(option("augmentFlip", category, FieldItem.Kind.BOOLEAN, null));
            items.add(option("augmentShift", category, FieldItem.Kind.INT, null));
        }
        return items;
    }

    /** What an absent option means, as its editor shows it (editors cannot show "absent"). */
    static Object optionDefault(String dataset, String name) {
        boolean imdb = DatasetCatalog.IMDB.equals(dataset);
        boolean repeat = DatasetCatalog.FIRST_REPEAT.equals(dataset);
        return switch (name) {
            case "samples" -> DatasetCatalog.RANDOM.equals(dataset) ? 10_000
                    : repeat ? DatasetCatalog.DEFAULT_REPEAT_SAMPLES : 400;
            case "noise" -> 0.1;
            case "length" -> repeat ? DatasetCatalog.DEFAULT_REPEAT_LENGTH
                    : imdb ? DatasetCatalog.DEFAULT_IMDB_LENGTH : DatasetCatalog.DEFAULT_TEXT_LENGTH;
            case "vocab" -> repeat ? DatasetCatalog.DEFAULT_REPEAT_VOCAB
                    : imdb ? DatasetCatalog.DEFAULT_IMDB_VOCAB : DatasetCatalog.DEFAULT_SENTIMENT_VOCAB;
            case "language" -> "en";
            case "normalize" -> "none";
            case "augmentFlip" -> Boolean.FALSE;
            case "augmentShift" -> 0;
            default -> "";
        };
    }

    /** Options that still mean something for the newly chosen dataset (split and seed are kept separately). */
    static Map<String, Object> optionsKeptFor(String id, DatasetSpec previous) {
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
        return option(name, "field.option." + name + ".description", category, kind, choices);
    }

    private FieldItem option(String name, String descriptionKey, String category, FieldItem.Kind kind) {
        return option(name, descriptionKey, category, kind, null);
    }

    private FieldItem option(String name, String descriptionKey, String category, FieldItem.Kind kind,
                             List<String> choices) {
        return new FieldItem("dataset.options." + name, category, Messages.get("field.option." + name),
                Messages.get(descriptionKey), kind, choices,
                d -> d.dataset() == null ? null : d.dataset().options().getOrDefault(name,
                        optionDefault(d.dataset().id(), name)),
                (item, v) -> submitter.submit(item, DocumentCommands.setDataset(withDataset(s -> {
                    Map<String, Object> options = new LinkedHashMap<>(s.options());
                    options.put(name, v);
                    return new DatasetSpec(s.id(), options, s.split(), s.seed());
                }))));
    }

    private FieldItem split(String part, String category, Function<Split, Double> get) {
        return new FieldItem("dataset.split." + part, category, Messages.get("field.split." + part),
                Messages.get("field.split.description"), FieldItem.Kind.DOUBLE, null,
                // before a dataset is chosen: the values choosing one will keep
                d -> get.apply(d.dataset() == null ? Split.DEFAULT : d.dataset().split()),
                (item, v) -> submitter.submit(item, DocumentCommands.setDataset(withDataset(s -> {
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

    /** Optimizer, schedule, run length and regularisation. */
    List<FieldItem> training() {
        String opt = Messages.get("inspector.category.optimizer");
        String run = Messages.get("inspector.category.run");
        String reg = Messages.get("inspector.category.regularization");
        List<String> optimizers = Arrays.stream(Optimizer.values()).map(Optimizer::jsonName).toList();
        List<String> schedules = Arrays.stream(LrSchedule.Type.values()).map(LrSchedule.Type::jsonName).toList();
        return List.of(
                training("optimizer", opt, FieldItem.Kind.CHOICE, optimizers, t -> t.optimizer().jsonName(),
                        (t, v) -> t.withOptimizer(Optimizer.fromJson((String) v))),
                training("learningRate", opt, FieldItem.Kind.DOUBLE, null, TrainingSettings::learningRate,
                        (t, v) -> t.withLearningRate((Double) v)),
                training("momentum", opt, FieldItem.Kind.DOUBLE, null, TrainingSettings::momentum,
                        (t, v) -> t.withMomentum((Double) v)),
                training("schedule", opt, FieldItem.Kind.CHOICE, schedules, t -> t.schedule().type().jsonName(),
                        (t, v) -> t.withSchedule(new LrSchedule(LrSchedule.Type.fromJson((String) v),
                                t.schedule().gamma(), t.schedule().stepEpochs()))),
                training("gamma", opt, FieldItem.Kind.DOUBLE, null, t -> t.schedule().gamma(),
                        (t, v) -> t.withSchedule(new LrSchedule(t.schedule().type(), (Double) v,
                                t.schedule().stepEpochs()))),
                training("stepEpochs", opt, FieldItem.Kind.INT, null, t -> t.schedule().stepEpochs(),
                        (t, v) -> t.withSchedule(new LrSchedule(t.schedule().type(), t.schedule().gamma(),
                                (Integer) v))),
                training("batchSize", run, FieldItem.Kind.INT, null, TrainingSettings::batchSize,
                        (t, v) -> t.withBatchSize((Integer) v)),
                training("epochs", run, FieldItem.Kind.INT, null, TrainingSettings::epochs,
                        (t, v) -> t.withEpochs((Integer) v)),
                training("seed", run, FieldItem.Kind.LONG, null, TrainingSettings::seed,
                        (t, v) -> t.withSeed((Long) v)),
                training("earlyStoppingPatience", run, FieldItem.Kind.INT, null,
                        TrainingSettings::earlyStoppingPatience, (t, v) -> t.withEarlyStoppingPatience((Integer) v)),
                training("weightDecay", reg, FieldItem.Kind.DOUBLE, null, TrainingSettings::weightDecay,
                        (t, v) -> t.withWeightDecay((Double) v)),
                training("gradientClip", reg, FieldItem.Kind.DOUBLE, null, TrainingSettings::gradientClip,
                        (t, v) -> t.withGradientClip((Double) v)));
    }

    private FieldItem training(String name, String category, FieldItem.Kind kind, List<String> choices,
                               Function<TrainingSettings, Object> get,
                               BiFunction<TrainingSettings, Object, TrainingSettings> set) {
        return new FieldItem("training." + name, category, Messages.get("field.training." + name),
                Messages.get("field.training." + name + ".description"), kind, choices,
                d -> get.apply(d.training()),
                (item, v) -> submitter.submit(item,
                        DocumentCommands.setTraining(set.apply(session.document().training(), v))));
    }
}

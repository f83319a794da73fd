package org.layercanvas.app.inspector;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;
import org.layercanvas.model.NetworkDocument;

/**
 * One editable field of the inspector: reads its value from the document and turns a new value into a command
 * (through {@link Sink}). Values are typed by {@link Kind}; text typed into number fields is parsed here and a
 * value that does not parse or is refused goes back to what the document holds.
 */
final class FieldItem implements PropertySheet.Item {
    enum Kind { INT, LONG, DOUBLE, BOOLEAN, CHOICE, TEXT }

    /** Receives a new value; returns null when accepted, else the reason it was refused. */
    interface Sink {
        String accept(FieldItem item, Object value);
    }

    private final String key;
    private final String category;
    private final String name;
    private final String description;
    private final Kind kind;
    private final List<String> choices;
    private final Function<NetworkDocument, Object> reader;
    private final Sink sink;
    private final ObjectProperty<Object> value = new SimpleObjectProperty<>(this, "value");
    private java.util.function.BiConsumer<FieldItem, String> onBadNumber;

    FieldItem(String key, String category, String name, String description, Kind kind, List<String> choices,
              Function<NetworkDocument, Object> reader, Sink sink) {
        this.key = key;
        this.category = category;
        this.name = name;
        this.description = description;
        this.kind = kind;
        this.choices = choices == null ? List.of() : List.copyOf(choices);
        this.reader = reader;
        this.sink = sink;
    }

    /** Stable identity of the field, e.g. {@code dense1.units} or {@code training.learningRate}. */
    String key() {
        return key;
    }

    Kind kind() {
        return kind;
    }

    List<String> choices() {
        return choices;
    }

    void refresh(NetworkDocument doc) {
        value.set(reader.apply(doc));
    }

    @Override
    public Class<?> getType() {
        return switch (kind) {
            case BOOLEAN -> Boolean.class;
            default -> String.class;
        };
    }

    @Override
    public String getCategory() {
        return category;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Object getValue() {
        Object v = value.get();
        return kind == Kind.BOOLEAN || v == null ? v : String.valueOf(v);
    }

    @Override
    public void setValue(Object newValue) {
        Object shown = getValue();
        String text = newValue == null ? "" : String.valueOf(newValue).strip();
        if (text.equals(shown == null ? "" : String.valueOf(shown))) {
            return; // nothing typed, or the value the document already holds
        }
        Object typed = parse(newValue);
        String refusal = typed == null ? null : sink.accept(this, typed);
        if (typed == null || refusal != null) {
            // Put the document's value back into the editor. Later, not now: the editor ignores changes of the
            // value while it is handing its own value over.
            Object current = value.get();
            javafx.application.Platform.runLater(() -> {
                value.set(null);
                value.set(current);
            });
        }
    }

    /** The value in the field's type, or null when the text does not parse (the sink is then told why). */
    private Object parse(Object raw) {
        if (raw == null) {
            return null;
        }
        String text = String.valueOf(raw).strip();
        try {
            return switch (kind) {
                case INT -> Integer.valueOf(text);
                case LONG -> Long.valueOf(text);
                case DOUBLE -> Double.valueOf(text);
                case BOOLEAN -> raw instanceof Boolean b ? b : Boolean.valueOf(text);
                case CHOICE, TEXT -> text;
            };
        } catch (NumberFormatException e) {
            if (onBadNumber != null) {
                onBadNumber.accept(this, text);
            }
            return null;
        }
    }

    /** Told when typed text is not a number of the field's kind. */
    void onBadNumber(java.util.function.BiConsumer<FieldItem, String> handler) {
        this.onBadNumber = handler;
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.of(value);
    }
}

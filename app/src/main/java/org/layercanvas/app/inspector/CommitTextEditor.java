package org.layercanvas.app.inspector;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;

/**
 * A text field that hands its value to the property only on Enter or when it loses focus, so that typing "128"
 * is one edit (one undo step), not three; Escape restores the current value.
 */
final class CommitTextEditor extends AbstractPropertyEditor<Object, TextField> {
    private ObjectProperty<Object> committed;

    CommitTextEditor(PropertySheet.Item item) {
        super(item, new TextField());
        TextField field = getEditor();
        InspectorView.showWholeValueOnHover(field, field.textProperty());
        field.setOnAction(e -> commit());
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commit();
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                setValue(item.getValue());
                e.consume();
            }
        });
    }

    private void commit() {
        String text = getEditor().getText();
        Object current = committedProperty().get();
        if (!text.equals(current == null ? "" : String.valueOf(current))) {
            committedProperty().set(text);
        }
    }

    private ObjectProperty<Object> committedProperty() {
        if (committed == null) {
            committed = new SimpleObjectProperty<>(this, "committed");
        }
        return committed;
    }

    @Override
    protected ObservableValue<Object> getObservableValue() {
        return committedProperty();
    }

    @Override
    public void setValue(Object value) {
        String text = value == null ? "" : String.valueOf(value);
        getEditor().setText(text);
        committedProperty().set(text);
    }
}

package org.layercanvas.app.document;

import java.util.Optional;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.Diagnostic;

/**
 * The inspector's rule for one field edit: it goes ahead unless it would cause a new error at that very field
 * (a value out of range, a kernel larger than its input); then the field goes back and the error's message is
 * the reason. Errors elsewhere, errors that were there before, and the split not adding up to 1 (which is
 * corrected one field at a time) do not stop it. Pure: tested without a window.
 */
public final class EditCheck {
    private EditCheck() {
    }

    /**
     * @param field  the edited field's location, e.g. {@code dense1.units}, {@code training.learningRate},
     *               {@code dataset.split.train}
     * @param before the document's analysis before the edit
     * @param after  the analysis of the document the edit would make
     * @return why the edit is refused, or empty when it may go ahead
     */
    public static Optional<String> refusal(String field, Analysis before, Analysis after) {
        for (Diagnostic d : after.errors()) {
            if (d.location().equals("dataset.split")) {
                continue;
            }
            boolean here = d.location().equals(field) || field.startsWith(d.location() + ".");
            boolean isNew = before.errors().stream().noneMatch(old -> old.code().equals(d.code())
                    && old.location().equals(d.location()) && old.args().equals(d.args()));
            if (here && isNew) {
                return Optional.of(d.message());
            }
        }
        return Optional.empty();
    }
}

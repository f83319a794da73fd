package org.layercanvas.runtime.interop.imports;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.layercanvas.model.NetworkDocument;

/**
 * A complete imported document, what the import changed or could not keep ({@code warnings}: a Keras option that
 * only regularises, a sequence length chosen because the file leaves it open), and the trained weights the file
 * carried, if any.
 */
public record ImportResult(NetworkDocument document, List<ImportProblem> warnings, ImportedWeights weights) {
    public ImportResult {
        Objects.requireNonNull(document, "document");
        warnings = List.copyOf(warnings);
    }

    public Optional<ImportedWeights> weightsIfAny() {
        return Optional.ofNullable(weights);
    }
}

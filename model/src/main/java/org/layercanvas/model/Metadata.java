package org.layercanvas.model;

import java.util.Objects;

/** Title and free-text description of a document. */
public record Metadata(String title, String description) {
    public Metadata {
        Objects.requireNonNull(title, "title");
        description = description == null ? "" : description;
    }
}

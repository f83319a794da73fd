package org.layercanvas.grapheditor;

/**
 * An entry of the searchable "create a node here" menu that opens when a wire is dropped on empty canvas (or on
 * request).
 *
 * @param id          what the application will create (e.g. a layer type name)
 * @param label       shown name
 * @param description one line shown under the name and searched too
 * @param group       heading the entry is listed under
 * @param iconLiteral Ikonli icon literal, or null
 */
public record CreateChoice(String id, String label, String description, String group, String iconLiteral) {
}

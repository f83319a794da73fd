package org.layercanvas.app.palette;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layercanvas.app.Messages;
import org.layercanvas.app.editor.LayerLook;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;

/** The palette's entries (layers grouped by category) and its search filter. */
public final class PaletteViewModel {
    /** One row: a category heading ({@code type == null}) or a layer. */
    public record Entry(LayerType type, String name, String description, String category, String icon) {
        public boolean isHeading() {
            return type == null;
        }
    }

    private final List<Entry> all = new ArrayList<>();
    private final ObservableList<Entry> visible = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");

    public PaletteViewModel(LayerCatalog catalog) {
        List<LayerType> types = new ArrayList<>(List.of(LayerType.values()));
        types.sort(Comparator.comparing(LayerType::category));
        LayerType.Category current = null;
        for (LayerType t : types) {
            String category = Messages.get("category." + LayerLook.category(t));
            if (t.category() != current) {
                current = t.category();
                all.add(new Entry(null, category, "", category, null));
            }
            all.add(new Entry(t, t.jsonName(), catalog.description(t, Locale.getDefault()), category,
                    LayerLook.icon(t)));
        }
        filter.addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        String f = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        List<Entry> rows = new ArrayList<>();
        Entry heading = null;
        for (Entry e : all) {
            if (e.isHeading()) {
                heading = e;
                continue;
            }
            boolean match = f.isEmpty() || e.name().toLowerCase(Locale.ROOT).contains(f)
                    || e.description().toLowerCase(Locale.ROOT).contains(f)
                    || e.category().toLowerCase(Locale.ROOT).contains(f);
            if (match) {
                if (heading != null) {
                    rows.add(heading);
                    heading = null;
                }
                rows.add(e);
            }
        }
        visible.setAll(rows);
    }

    public ObservableList<Entry> visibleEntries() {
        return visible;
    }

    /**
     * The layer Enter in the search box adds: the one named exactly as typed, else the first whose name starts
     * with it, else the first visible.
     */
    public java.util.Optional<Entry> bestMatch() {
        String f = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        List<Entry> layers = visibleLayers();
        return layers.stream().filter(e -> e.name().toLowerCase(Locale.ROOT).equals(f)).findFirst()
                .or(() -> layers.stream().filter(e -> e.name().toLowerCase(Locale.ROOT).startsWith(f)).findFirst())
                .or(() -> layers.stream().findFirst());
    }

    /** The layers (no headings) currently visible. */
    public List<Entry> visibleLayers() {
        return visible.stream().filter(e -> !e.isHeading()).toList();
    }

    public StringProperty filterProperty() {
        return filter;
    }
}

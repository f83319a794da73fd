package org.layercanvas.app.palette;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;

class PaletteViewModelTest {
    private final PaletteViewModel model = new PaletteViewModel(LayerCatalog.standard());

    @Test
    void listsEveryLayerUnderItsCategoryHeading() {
        assertThat(model.visibleLayers()).hasSize(LayerType.values().length);
        assertThat(model.visibleEntries().get(0).isHeading()).isTrue();
        assertThat(model.visibleLayers()).allMatch(e -> !e.description().isBlank() && e.icon() != null);
    }

    @Test
    void searchMatchesNamesAndDescriptionsAndKeepsOnlyUsedHeadings() {
        model.filterProperty().set("conv");
        assertThat(model.visibleLayers()).extracting(PaletteViewModel.Entry::type).contains(LayerType.CONV2D)
                .doesNotContain(LayerType.LSTM);
        assertThat(model.visibleEntries().stream().filter(PaletteViewModel.Entry::isHeading).count())
                .isLessThan(3);

        model.filterProperty().set("recurrent");
        assertThat(model.visibleLayers()).extracting(PaletteViewModel.Entry::type)
                .contains(LayerType.LSTM, LayerType.SIMPLE_RNN);

        model.filterProperty().set("output");
        assertThat(model.bestMatch()).map(PaletteViewModel.Entry::type).contains(LayerType.OUTPUT);
        model.filterProperty().set("lst");
        assertThat(model.bestMatch()).map(PaletteViewModel.Entry::type).contains(LayerType.LSTM);

        model.filterProperty().set("zzzz");
        assertThat(model.visibleEntries()).isEmpty();
    }
}

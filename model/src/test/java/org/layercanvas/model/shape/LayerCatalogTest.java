package org.layercanvas.model.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.layercanvas.model.Node;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerSpec;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.layers.ParamDef;
import org.layercanvas.model.layers.ParamType;
import org.layercanvas.model.layers.PortSpec;

/** The layer catalog is complete and self-consistent. */
class LayerCatalogTest {
    private final LayerCatalog catalog = LayerCatalog.standard();

    @Test
    void everyLayerTypeHasASpec() {
        for (LayerType t : LayerType.values()) {
            LayerSpec spec = catalog.spec(t);
            assertThat(spec).as(t.name()).isNotNull();
            assertThat(spec.type()).isEqualTo(t);
            assertThat(LayerType.fromJson(t.jsonName())).isEqualTo(t);
        }
        assertThat(catalog.all()).hasSize(LayerType.values().length);
    }

    @Test
    void portsFollowTheRules() {
        for (LayerSpec spec : catalog.all()) {
            if (spec.type() == LayerType.INPUT) {
                assertThat(spec.inputs()).isEmpty();
            } else {
                assertThat(spec.inputs()).extracting(PortSpec::name).containsExactly("in");
            }
            assertThat(spec.hasOutput()).as(spec.type().name()).isEqualTo(spec.type() != LayerType.OUTPUT);
            boolean merge = spec.type() == LayerType.ADD || spec.type() == LayerType.CONCATENATE;
            assertThat(spec.inputs()).allSatisfy(p -> assertThat(p.multiple()).isEqualTo(merge));
        }
    }

    @Test
    void everyDefaultPassesItsOwnCheck() {
        for (LayerSpec spec : catalog.all()) {
            Set<String> names = new HashSet<>();
            for (ParamDef def : spec.params()) {
                assertThat(names.add(def.name())).as("duplicate param " + def.name()).isTrue();
                assertThat(def.check(def.defaultValue())).as(spec.type() + "." + def.name()).isEmpty();
                if (def.type() == ParamType.CHOICE) {
                    assertThat(def.choices()).contains((String) def.defaultValue());
                }
            }
        }
    }

    @Test
    void visibilityConditionsNameARealChoice() {
        for (LayerSpec spec : catalog.all()) {
            for (ParamDef def : spec.params()) {
                ParamDef.Condition c = def.visibleWhen();
                if (c != null) {
                    Optional<ParamDef> other = spec.param(c.param());
                    assertThat(other).as(spec.type() + "." + def.name()).isPresent();
                    assertThat(other.get().choices()).containsAll(c.values());
                }
            }
        }
    }

    @Test
    void everyLayerAndParameterIsDescribed() {
        for (LayerSpec spec : catalog.all()) {
            String layer = catalog.description(spec.type(), Locale.ROOT);
            assertThat(layer).as(spec.type().name()).isNotBlank().isNotEqualTo("layer." + spec.type().jsonName());
            for (ParamDef def : spec.params()) {
                String text = catalog.description(spec.type(), def, Locale.ROOT);
                assertThat(text).as(spec.type() + "." + def.name()).isNotBlank()
                        .isNotEqualTo("param." + spec.type().jsonName() + "." + def.name());
            }
        }
    }

    @Test
    void catalogPropertiesHasNoOrphanKeys() throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/org/layercanvas/model/catalog.properties");
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Set<String> expected = new HashSet<>();
        for (LayerSpec spec : catalog.all()) {
            expected.add("layer." + spec.type().jsonName());
            for (ParamDef def : spec.params()) {
                expected.add("param." + spec.type().jsonName() + "." + def.name());
            }
        }
        assertThat(p.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void rangesAndChecks() {
        ParamDef units = catalog.spec(LayerType.DENSE).param("units").orElseThrow();
        assertThat(units.rangeText()).isEqualTo("[1, 65536]");
        assertThat(units.check(0)).contains("param.outOfRange");
        assertThat(units.check(1)).isEmpty();
        assertThat(units.check(65_536)).isEmpty();
        assertThat(units.check(65_537)).contains("param.outOfRange");
        assertThat(units.check(3L)).isEmpty();
        assertThat(units.check(3.0)).contains("param.notInt");
        assertThat(units.check(null)).contains("param.notInt");

        ParamDef rate = catalog.spec(LayerType.DROPOUT).param("rate").orElseThrow();
        assertThat(rate.rangeText()).isEqualTo("[0, 1)");
        assertThat(rate.check(0.0)).isEmpty();
        assertThat(rate.check(1.0)).contains("param.outOfRange");
        assertThat(rate.check(Double.NaN)).contains("param.notNumber");
        assertThat(rate.check(0)).as("an Integer is a number").isEmpty();

        ParamDef eps = catalog.spec(LayerType.LAYER_NORM).param("epsilon").orElseThrow();
        assertThat(eps.rangeText()).isEqualTo("(0, 1]");
        assertThat(eps.check(1.0)).isEmpty();
        assertThat(eps.check(0.0)).contains("param.outOfRange");

        ParamDef loss = catalog.spec(LayerType.OUTPUT).param("loss").orElseThrow();
        assertThat(loss.rangeText()).isEqualTo("softmax_ce, sigmoid_bce, mse, mae");
        assertThat(loss.check("hinge")).contains("param.notChoice");
        ParamDef bias = catalog.spec(LayerType.DENSE).param("useBias").orElseThrow();
        assertThat(bias.check("true")).contains("param.notBoolean");
        assertThat(bias.rangeText()).isEqualTo("true, false");
    }

    @Test
    void resolveFillsDefaultsAndKeepsSetValues() {
        Map<String, Object> p = catalog.resolve(new Node("c", LayerType.CONV2D, Map.of("filters", 8), null));
        assertThat(p).containsExactly(Map.entry("filters", 8), Map.entry("kernel", 3), Map.entry("stride", 1),
                Map.entry("padding", "valid"), Map.entry("dilation", 1), Map.entry("activation", "relu"));
        Node input = new Node("in", LayerType.INPUT, Map.of("kind", "image"), null);
        assertThat(catalog.visibleParams(input)).extracting(ParamDef::name)
                .containsExactly("kind", "height", "width", "channels");
    }
}

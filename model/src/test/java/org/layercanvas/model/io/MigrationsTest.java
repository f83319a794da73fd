package org.layercanvas.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class MigrationsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void currentVersionPassesThroughUnchanged() throws Exception {
        JsonNode tree = MAPPER.readTree("{\"formatVersion\": 1}");
        assertThat(Migrations.upgrade(tree, DocumentJson.FORMAT_VERSION)).isSameAs(tree);
    }

    @Test
    void stepsAreChainedInOrder() throws Exception {
        UnaryOperator<JsonNode> oneToTwo = n -> ((ObjectNode) n.deepCopy()).put("formatVersion", 2).put("a", "1->2");
        UnaryOperator<JsonNode> twoToThree = n -> ((ObjectNode) n.deepCopy()).put("formatVersion", 3)
                .put("b", n.get("a").asText() + ",2->3");
        JsonNode tree = MAPPER.readTree("{\"formatVersion\": 1}");
        JsonNode upgraded = Migrations.upgrade(tree, 1, 3, Map.of(1, oneToTwo, 2, twoToThree));
        assertThat(upgraded.get("formatVersion").asInt()).isEqualTo(3);
        assertThat(upgraded.get("b").asText()).isEqualTo("1->2,2->3");
        assertThat(Migrations.upgrade(MAPPER.readTree("{\"a\": \"x\"}"), 2, 3, Map.of(1, oneToTwo, 2, twoToThree))
                .get("b").asText()).isEqualTo("x,2->3");
    }

    @Test
    void missingStepIsAProgrammingError() throws Exception {
        JsonNode tree = MAPPER.readTree("{}");
        assertThatThrownBy(() -> Migrations.upgrade(tree, 1, 2, Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("from format version 1");
    }
}

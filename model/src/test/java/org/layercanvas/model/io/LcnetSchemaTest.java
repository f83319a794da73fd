package org.layercanvas.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.layercanvas.model.io.DocumentJsonErrorsTest.BASE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.layercanvas.model.LrSchedule;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Optimizer;
import org.layercanvas.model.TrainingSettings;
import org.layercanvas.model.layers.LayerType;

/** The JSON Schema accepts what the reader accepts and refuses what it refuses (where JSON Schema can say so). */
class LcnetSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNode SCHEMA_JSON;
    private static final JsonSchema SCHEMA;

    static {
        try (InputStream in = LcnetSchemaTest.class.getResourceAsStream("/org/layercanvas/model/lcnet.schema.json")) {
            SCHEMA_JSON = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
        SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(SCHEMA_JSON);
    }

    static Set<ValidationMessage> validate(String json) throws IOException {
        return SCHEMA.validate(MAPPER.readTree(json));
    }

    @Test
    void schemaDeclaresDraft2020() {
        assertThat(SCHEMA_JSON.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(SCHEMA_JSON.at("/properties/formatVersion/const").asInt()).isEqualTo(DocumentJson.FORMAT_VERSION);
    }

    @Test
    void enumerationsMatchTheModel() {
        assertThat(texts(SCHEMA_JSON.at("/$defs/node/properties/type/enum")))
                .containsExactlyElementsOf(Arrays.stream(LayerType.values()).map(LayerType::jsonName).toList());
        assertThat(texts(SCHEMA_JSON.at("/properties/training/properties/optimizer/enum")))
                .containsExactlyElementsOf(Arrays.stream(Optimizer.values()).map(Optimizer::jsonName).toList());
        assertThat(texts(SCHEMA_JSON.at("/properties/training/properties/schedule/properties/type/enum")))
                .containsExactlyElementsOf(
                        Arrays.stream(LrSchedule.Type.values()).map(LrSchedule.Type::jsonName).toList());
    }

    private static List<String> texts(JsonNode array) {
        assertThat(array.isArray()).isTrue();
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }

    @Test
    void goldenFilesAreValid() throws Exception {
        assertThat(validate(DocumentJsonGoldenTest.resource("golden-v1.lcnet"))).isEmpty();
        assertThat(validate(DocumentJsonGoldenTest.resource("minimal-v1.lcnet"))).isEmpty();
        assertThat(validate(BASE)).isEmpty();
    }

    @Test
    void writtenDocumentsAreValid() throws Exception {
        assertThat(validate(DocumentJson.write(DocumentJsonRoundTripTest.everyLayerDocument()))).isEmpty();
        assertThat(validate(DocumentJson.write(DocumentJsonRoundTripTest.simple(TrainingSettings.DEFAULT, null))))
                .isEmpty();
    }

    @Property(tries = 60)
    void randomWrittenDocumentsAreValid(@ForAll("documents") NetworkDocument doc) throws Exception {
        assertThat(validate(DocumentJson.write(doc))).isEmpty();
    }

    @Provide
    net.jqwik.api.Arbitrary<NetworkDocument> documents() {
        return new DocumentJsonPropertyTest().documents();
    }

    @Test
    void wrongTypeFailsValidation() throws Exception {
        String bad = BASE.replace("\"batchSize\": 16", "\"batchSize\": \"16\"");
        Set<ValidationMessage> messages = validate(bad);
        assertThat(messages).isNotEmpty();
        assertThat(messages.toString()).contains("batchSize");
        assertThatThrownBy(() -> DocumentJson.read(bad, "x")).isInstanceOf(DocumentFormatException.class);
    }

    /** Variants of BASE that the reader refuses: the schema must refuse them too. */
    @ParameterizedTest
    @ValueSource(strings = {
        "\"formatVersion\": 1|\"formatVersion\": 2",
        "\"formatVersion\": 1|\"formatVersion\": 0",
        "\"formatVersion\": 1|\"formatVersion\": \"1\"",
        "\"formatVersion\": 1,|",
        "\"title\": \"t\"|\"name\": \"t\"",
        "\"title\": \"t\"|\"title\": null",
        "\"type\": \"Output\"|\"type\": \"Dense2\"",
        "{\"id\": \"out\", |{",
        "\"optimizer\": \"adam\"|\"optimizer\": \"adagrad\"",
        "{\"type\": \"step\"}|{\"type\": \"warmup\"}",
        "{\"type\": \"step\"}|{\"gamma\": 0.5}",
        "\"batchSize\": 16|\"batchSize\": 16.5",
        "\"batchSize\": 16|\"batchSize\": 3000000000",
        "{\"units\": 8}|{\"units\": [8]}",
        "{\"units\": 8}|{\"units\": {\"a\": 1}}",
        "{\"units\": 8}|{\"units\": null}",
        "{\"samples\": 100}|{\"samples\": null}",
        "\"port\": \"in\"|\"port\": 1",
        "{\"id\": \"xor\", |{",
        "\"training\": {|\"training\": {\"seed\": 99999999999999999999, ",
        "\"training\": {|\"training\": {\"learningRate\": \"0.1\", ",
        "{\"id\": \"out\", |{\"id\": \"out\", \"position\": {\"x\": 1}, ",
        "\"training\": {\"optimizer\": \"adam\", \"batchSize\": 16, \"schedule\": {\"type\": \"step\"}}|\"training\": null",
    })
    void refusedByReaderAndSchema(String edit) throws Exception {
        String[] parts = edit.split("\\|", -1);
        assertThat(BASE).contains(parts[0]);
        String json = BASE.replace(parts[0], parts[1]);
        assertThatThrownBy(() -> DocumentJson.read(json, "x")).as(json)
                .isInstanceOf(DocumentFormatException.class);
        assertThat(validate(json)).as(json).isNotEmpty();
    }

    /** Variants of BASE that the reader accepts: the schema must accept them too. */
    @ParameterizedTest
    @ValueSource(strings = {
        "\"dataset\": {\"id\": \"xor\", \"options\": {\"samples\": 100}},|\"dataset\": null,",
        "\"dataset\": {\"id\": \"xor\", \"options\": {\"samples\": 100}},|",
        "\"training\": {\"optimizer\": \"adam\", \"batchSize\": 16, \"schedule\": {\"type\": \"step\"}}|\"x\": 1",
        "\"title\": \"t\"|\"title\": \"t\", \"unknown\": [1, {}]",
        "{\"units\": 8}|{\"units\": 8, \"huge\": 123456789012345678901234567890, \"f\": 1.5, \"b\": true}",
        "\"formatVersion\": 1|\"formatVersion\": 1.0",
        "{\"type\": \"step\"}|{\"type\": \"step\", \"gamma\": 0.5, \"stepEpochs\": 3}",
        "{\"id\": \"out\", |{\"id\": \"out\", \"position\": {\"x\": 1, \"y\": -2.5}, \"params\": {}, ",
        "{\"id\": \"xor\", |{\"id\": \"xor\", \"seed\": -9223372036854775808, \"split\": {\"train\": 1, \"validation\": 0, \"test\": 0}, ",
    })
    void acceptedByReaderAndSchema(String edit) throws Exception {
        String[] parts = edit.split("\\|", -1);
        assertThat(BASE).contains(parts[0]);
        String json = BASE.replace(parts[0], parts[1]);
        DocumentJson.read(json, "x");
        assertThat(validate(json)).as(json).isEmpty();
    }
}

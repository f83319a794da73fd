package org.layercanvas.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Optimizer;
import org.layercanvas.model.layers.LayerType;

class DocumentJsonErrorsTest {

    /** A valid document whose lines are known; tests replace parts of it. */
    static final String BASE = """
            {
              "formatVersion": 1,
              "metadata": {"title": "t"},
              "nodes": [
                {"id": "in", "type": "Input", "params": {"kind": "vector", "size": 4}},
                {"id": "d1", "type": "Dense", "params": {"units": 8}},
                {"id": "out", "type": "Output"}
              ],
              "edges": [
                {"from": {"node": "in", "port": "out"}, "to": {"node": "d1", "port": "in"}}
              ],
              "dataset": {"id": "xor", "options": {"samples": 100}},
              "training": {"optimizer": "adam", "batchSize": 16, "schedule": {"type": "step"}}
            }
            """;

    static DocumentFormatException fail(String json) {
        DocumentFormatException e = catchThrowableOfType(DocumentFormatException.class,
                () -> DocumentJson.read(json, "digits.lcnet"));
        assertThat(e).as("expected a DocumentFormatException for:\n" + json).isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").startsWith("digits.lcnet");
        return e;
    }

    static String replace(String what, String with) {
        assertThat(BASE).contains(what);
        return BASE.replace(what, with);
    }

    @Test
    void baseDocumentIsValid() throws Exception {
        NetworkDocument doc = DocumentJson.read(BASE, "digits.lcnet");
        assertThat(doc.nodes()).hasSize(3);
    }

    // ---- syntax ----------------------------------------------------------------------------------------------

    @Test
    void notJsonReportsLineAndColumn() {
        DocumentFormatException e = fail("{\n  \"formatVersion\": 1,\n  oops\n}");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.jsonPath()).isEqualTo("$");
        assertThat(e.getMessage()).startsWith("digits.lcnet:3:3: not valid JSON: ");
        assertThat(e.location()).isEqualTo("digits.lcnet:3:3");

        assertThat(fail("hello").detail()).startsWith("not valid JSON");
    }

    @Test
    void truncatedFileReportsTheLastLine() {
        int cut = BASE.indexOf("{\"id\": \"out\"") + 8; // inside line 7
        String truncated = BASE.substring(0, cut);
        DocumentFormatException e = fail(truncated);
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.detail()).contains("ends unexpectedly").contains("truncated");

        String cutAfterLine = BASE.substring(0, BASE.indexOf("  \"edges\""));
        DocumentFormatException e2 = fail(cutAfterLine);
        assertThat(e2.line()).isBetween(8, 9);
        assertThat(e2.detail()).contains("truncated");
    }

    @Test
    void unterminatedStringIsTruncation() {
        DocumentFormatException e = fail("{\"formatVersion\": 1, \"metadata\": {\"title\": \"never ends");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.detail()).contains("truncated");
    }

    @Test
    void emptyAndWhitespaceFiles() {
        assertThat(fail("").detail()).isEqualTo("the file is empty");
        assertThat(fail("  \n\t ").detail()).isEqualTo("the file is empty");
    }

    @Test
    void trailingContentIsRefused() {
        DocumentFormatException e = fail(BASE + "{}");
        assertThat(e.line()).isEqualTo(15);
        assertThat(e.detail()).contains("after the end of the document");
    }

    @Test
    void duplicateKeyIsRefusedWithItsPath() {
        DocumentFormatException e = fail(replace("{\"units\": 8}", "{\"units\": 8, \"units\": 9}"));
        assertThat(e.jsonPath()).isEqualTo("$.nodes[1].params.units");
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.detail()).isEqualTo("duplicate key \"units\" in the same object");
    }

    @Test
    void deeplyNestedJsonIsRefusedWithoutStackOverflow() {
        String deep = "[".repeat(100_000);
        DocumentFormatException e = fail(deep);
        assertThat(e.detail()).contains("nested too deeply").contains("200");
        assertThat(e.line()).isEqualTo(1);

        String deepObjects = "{\"a\":".repeat(100_000);
        assertThat(fail(deepObjects).detail()).contains("nested too deeply");

        String deepParam = replace("{\"units\": 8}", "{\"units\": " + "[".repeat(5000) + "]".repeat(5000) + "}");
        assertThat(fail(deepParam).detail()).contains("nested too deeply");
    }

    @Test
    void nestingWithinTheLimitIsParsedAndThenRefusedAsAParamValue() {
        String nested = replace("{\"units\": 8}", "{\"units\": " + "[".repeat(150) + "]".repeat(150) + "}");
        DocumentFormatException e = fail(nested);
        assertThat(e.jsonPath()).isEqualTo("$.nodes[1].params.units");
        assertThat(e.detail()).contains("found an array");
    }

    @Test
    void hugeFileIsRefusedBeforeParsing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.lcnet");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(DocumentJson.MAX_FILE_BYTES + 1); // sparse: no need to fill it
        }
        DocumentFormatException e = catchThrowableOfType(DocumentFormatException.class,
                () -> DocumentJson.read(file));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("huge.lcnet: ").contains("too large")
                .contains(Long.toString(DocumentJson.MAX_FILE_BYTES));
    }

    @Test
    void veryLongStringsAreFine() throws Exception {
        String title = "x".repeat(30_000_000);
        NetworkDocument doc = DocumentJson.read(replace("\"title\": \"t\"", "\"title\": \"" + title + "\""), "a");
        assertThat(doc.metadata().title()).hasSize(30_000_000);
    }

    @Test
    void invalidUtf8IsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.lcnet");
        byte[] bytes = BASE.replace("\"t\"", "\"caf\u00e9\"").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(file, bytes);
        DocumentFormatException e = catchThrowableOfType(DocumentFormatException.class,
                () -> DocumentJson.read(file));
        assertThat(e).isNotNull();
        assertThat(e.detail()).contains("not UTF-8");
    }

    // ---- root and version ------------------------------------------------------------------------------------

    @Test
    void rootMustBeAnObject() {
        DocumentFormatException e = fail("[1, 2]");
        assertThat(e.detail()).isEqualTo("a LayerCanvas network file must contain a JSON object, found an array");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(1);
        assertThat(fail("\"text\"").detail()).endsWith("found a string");
        assertThat(fail("42").detail()).endsWith("found the number 42");
    }

    @Test
    void missingFormatVersion() {
        DocumentFormatException e = fail(replace("\"formatVersion\": 1,", ""));
        assertThat(e.jsonPath()).isEqualTo("$.formatVersion");
        assertThat(e.detail()).contains("missing \"formatVersion\"");
        assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void newerFormatVersionAsksToUpdate() {
        // checked before anything else, so a future structure does not produce confusing errors
        String future = "{\"formatVersion\": 2, \"nodes\": {\"new\": \"layout\"}}";
        DocumentFormatException e = fail(future);
        assertThat(e.detail()).isEqualTo("this file was written by a newer LayerCanvas (format 2); "
                + "this version reads up to 1 \u2014 update LayerCanvas");
        assertThat(e.jsonPath()).isEqualTo("$.formatVersion");
        assertThat(e.getMessage()).isEqualTo("digits.lcnet:1:19: $.formatVersion: " + e.detail());

        assertThat(fail("{\"formatVersion\": 123456789012345678901234567890}").detail())
                .contains("(format 123456789012345678901234567890)");
    }

    @Test
    void invalidFormatVersions() {
        for (String bad : new String[] {"0", "-1", "1.5", "\"1\"", "null", "true", "[1]"}) {
            DocumentFormatException e = fail(replace("\"formatVersion\": 1", "\"formatVersion\": " + bad));
            assertThat(e.jsonPath()).as(bad).isEqualTo("$.formatVersion");
            assertThat(e.detail()).as(bad).startsWith("formatVersion must be a whole number of at least 1, found");
            assertThat(e.line()).as(bad).isEqualTo(2);
            assertThat(e.column()).as(bad).isEqualTo(20);
        }
        assertThat(fail(replace("\"formatVersion\": 1", "\"formatVersion\": \"1\"")).detail())
                .endsWith("found a string");
    }

    @Test
    void integralFloatFormatVersionIsAccepted() throws Exception {
        assertThat(DocumentJson.read(replace("\"formatVersion\": 1", "\"formatVersion\": 1.0"), "x").nodes())
                .hasSize(3);
    }

    // ---- structure and types ---------------------------------------------------------------------------------

    @Test
    void missingRequiredFieldsNameTheFieldAndPointAtTheParent() {
        DocumentFormatException e = fail(replace("{\"title\": \"t\"}", "{\"description\": \"d\"}"));
        assertThat(e.jsonPath()).isEqualTo("$.metadata.title");
        assertThat(e.detail()).isEqualTo("missing required field \"title\"");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(15);
        assertThat(e.getMessage()).isEqualTo("digits.lcnet:3:15: $.metadata.title: missing required field \"title\"");

        assertThat(fail(replace("\"metadata\": {\"title\": \"t\"},", "")).jsonPath()).isEqualTo("$.metadata");
        assertThat(fail(replace("{\"id\": \"out\", ", "{")).jsonPath()).isEqualTo("$.nodes[2].id");
        assertThat(fail(replace("\"type\": \"Output\"", "\"kind\": \"Output\"")).jsonPath())
                .isEqualTo("$.nodes[2].type");
        assertThat(fail(replace("\"port\": \"in\"", "\"name\": \"in\"")).jsonPath())
                .isEqualTo("$.edges[0].to.port");
        assertThat(fail(replace("{\"id\": \"xor\", ", "{")).jsonPath()).isEqualTo("$.dataset.id");
        assertThat(fail(replace("{\"type\": \"step\"}", "{\"gamma\": 0.5}")).jsonPath())
                .isEqualTo("$.training.schedule.type");

        String noEdges = "{\"formatVersion\": 1, \"metadata\": {\"title\": \"t\"}, \"nodes\": []}";
        assertThat(fail(noEdges).jsonPath()).isEqualTo("$.edges");
    }

    @Test
    void wrongJsonTypesSayWhatWasExpectedAndFound() {
        DocumentFormatException e = fail(replace("\"training\": {", "\"training\": {\"learningRate\": \"0.1\", "));
        assertThat(e.jsonPath()).isEqualTo("$.training.learningRate");
        assertThat(e.detail()).isEqualTo("expected a number, found a string");
        assertThat(e.line()).isEqualTo(13);
        assertThat(e.column()).isEqualTo(32);

        DocumentFormatException batch = fail(replace("\"batchSize\": 16", "\"batchSize\": 16.5"));
        assertThat(batch.jsonPath()).isEqualTo("$.training.batchSize");
        assertThat(batch.detail()).isEqualTo("expected a whole number, found the number 16.5");

        assertThat(fail(replace("\"title\": \"t\"", "\"title\": 5")).detail())
                .isEqualTo("expected a string, found the number 5");
        assertThat(fail(replace("\"nodes\": [", "\"nodes\": {\"a\": [")
                .replace("  ],\n  \"edges\"", "  ]},\n  \"edges\"")).detail())
                .isEqualTo("expected an array, found an object");
        assertThat(fail(replace("\"metadata\": {\"title\": \"t\"}", "\"metadata\": null")).detail())
                .isEqualTo("expected an object, found null");
        assertThat(fail(replace("{\"id\": \"out\", \"type\": \"Output\"}", "\"out\"")).jsonPath())
                .isEqualTo("$.nodes[2]");
        assertThat(fail(replace("\"optimizer\": \"adam\"", "\"optimizer\": null")).detail())
                .isEqualTo("expected a string, found null");
        assertThat(fail(replace("{\"id\": \"out\",", "{\"id\": \"out\", \"position\": {\"x\": 1, \"y\": true},"))
                .jsonPath()).isEqualTo("$.nodes[2].position.y");
        assertThat(fail(replace("\"training\": {", "\"training\": {\"seed\": \"x\", ")).jsonPath())
                .isEqualTo("$.training.seed");
    }

    @Test
    void integerFieldsAcceptIntegralFloatsButNotOutOfRangeValues() throws Exception {
        NetworkDocument doc = DocumentJson.read(replace("\"batchSize\": 16", "\"batchSize\": 16.0"), "x");
        assertThat(doc.training().batchSize()).isEqualTo(16);

        DocumentFormatException e = fail(replace("\"batchSize\": 16", "\"batchSize\": 3000000000"));
        assertThat(e.jsonPath()).isEqualTo("$.training.batchSize");
        assertThat(e.detail()).isEqualTo(
                "the number 3000000000 is out of range; expected a whole number from -2147483648 to 2147483647");
        assertThat(fail(replace("\"training\": {", "\"training\": {\"seed\": 99999999999999999999, ")).detail())
                .contains("out of range");
    }

    @Test
    void nonFiniteNumbersAreRefused() {
        DocumentFormatException e = fail(replace("\"training\": {", "\"training\": {\"learningRate\": 1e400, "));
        assertThat(e.jsonPath()).isEqualTo("$.training.learningRate");
        assertThat(e.detail()).isEqualTo("the number is too large to represent");
        assertThat(fail(replace("{\"units\": 8}", "{\"units\": -1e999}")).jsonPath())
                .isEqualTo("$.nodes[1].params.units");
        assertThat(fail(replace("{\"units\": 8}", "{\"units\": NaN}")).detail()).startsWith("not valid JSON");
    }

    @Test
    void unknownLayerTypeNamesItAndListsTheKnownOnes() {
        DocumentFormatException e = fail(replace("\"type\": \"Output\"", "\"type\": \"Dense2\""));
        String known = Arrays.stream(LayerType.values()).map(LayerType::jsonName).collect(Collectors.joining(", "));
        assertThat(e.jsonPath()).isEqualTo("$.nodes[2].type");
        assertThat(e.detail()).isEqualTo("unknown layer type \"Dense2\"; known types: " + known);
        assertThat(known).startsWith("Input, Dense, ").contains("SelfAttention").endsWith("Output");
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.column()).isEqualTo(27);
        assertThat(e.getMessage()).startsWith("digits.lcnet:7:27: $.nodes[2].type: unknown layer type \"Dense2\"");
        // names are case-sensitive
        assertThat(fail(replace("\"type\": \"Output\"", "\"type\": \"output\"")).detail())
                .startsWith("unknown layer type \"output\"");
    }

    @Test
    void unknownOptimizerAndScheduleListTheAllowedNames() {
        DocumentFormatException e = fail(replace("\"optimizer\": \"adam\"", "\"optimizer\": \"adagrad\""));
        assertThat(e.jsonPath()).isEqualTo("$.training.optimizer");
        assertThat(e.detail()).isEqualTo("unknown optimizer \"adagrad\"; allowed: "
                + Arrays.stream(Optimizer.values()).map(Optimizer::jsonName).collect(Collectors.joining(", ")));
        assertThat(e.detail()).endsWith("sgd, nesterov, adam, adamw, rmsprop");

        DocumentFormatException s = fail(replace("{\"type\": \"step\"}", "{\"type\": \"warmup\"}"));
        assertThat(s.jsonPath()).isEqualTo("$.training.schedule.type");
        assertThat(s.detail()).isEqualTo(
                "unknown learning-rate schedule \"warmup\"; allowed: fixed, step, exponential, cosine");
        assertThat(s.line()).isEqualTo(13);
    }

    @Test
    void duplicateNodeIdsAreRefused() {
        DocumentFormatException e = fail(replace("{\"id\": \"out\"", "{\"id\": \"in\""));
        assertThat(e.jsonPath()).isEqualTo("$.nodes[2].id");
        assertThat(e.detail()).isEqualTo("duplicate node id \"in\"; it is already used by $.nodes[0]");
        assertThat(e.line()).isEqualTo(7);
    }

    @Test
    void paramAndOptionValuesMustBeScalars() {
        for (String bad : new String[] {"{\"a\": 1}", "[8]", "null"}) {
            DocumentFormatException e = fail(replace("{\"units\": 8}", "{\"units\": " + bad + "}"));
            assertThat(e.jsonPath()).as(bad).isEqualTo("$.nodes[1].params.units");
            assertThat(e.detail()).as(bad).startsWith("a parameter value must be a number, a string or true/false");
            assertThat(e.line()).as(bad).isEqualTo(6);
        }
        DocumentFormatException o = fail(replace("{\"samples\": 100}", "{\"samples\": null}"));
        assertThat(o.jsonPath()).isEqualTo("$.dataset.options.samples");
        assertThat(o.detail()).isEqualTo("a dataset option must be a number, a string or true/false, found null");

        DocumentFormatException odd = fail(replace("{\"units\": 8}", "{\"odd key's\": []}"));
        assertThat(odd.jsonPath()).isEqualTo("$.nodes[1].params['odd key\\'s']");
    }

    @Test
    void readerLeavesSemanticChecksToTheValidator() throws Exception {
        String json = replace("{\"units\": 8}", "{\"units\": -5, \"unknownParam\": \"x\", \"big\": 5000000000, "
                + "\"bigger\": 123456789012345678901234567890}")
                .replace("{\"node\": \"d1\", \"port\": \"in\"}", "{\"node\": \"ghost\", \"port\": \"nope\"}");
        NetworkDocument doc = DocumentJson.read(json, "x");
        assertThat(doc.node("d1").orElseThrow().params())
                .containsEntry("units", -5)
                .containsEntry("unknownParam", "x")
                .containsEntry("big", 5_000_000_000L)
                .containsEntry("bigger", 1.2345678901234568e29);
        assertThat(doc.edges().get(0).to().nodeId()).isEqualTo("ghost");
    }

    @Test
    void nullDatasetIsAllowed() throws Exception {
        String json = replace("\"dataset\": {\"id\": \"xor\", \"options\": {\"samples\": 100}},", "\"dataset\": null,");
        assertThat(DocumentJson.read(json, "x").dataset()).isNull();
        String absent = replace("\"dataset\": {\"id\": \"xor\", \"options\": {\"samples\": 100}},", "");
        assertThat(DocumentJson.read(absent, "x").dataset()).isNull();
    }

    @Test
    void unnamedSourceGetsALabel() {
        DocumentFormatException e = catchThrowableOfType(DocumentFormatException.class,
                () -> DocumentJson.read("[", null));
        assertThat(e.sourceName()).isEqualTo("<unnamed>");
        assertThat(e.getMessage()).startsWith("<unnamed>:1:");
    }
}

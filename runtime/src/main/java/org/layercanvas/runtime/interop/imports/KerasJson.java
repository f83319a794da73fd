package org.layercanvas.runtime.interop.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Parses the JSON of a Keras architecture ({@code model.to_json()}, or the {@code model_config} attribute of an
 * HDF5 file) into a tree, with explicit limits so that hostile input ends in an {@link ImportException}, never in
 * a stack overflow or an out-of-memory error. A JSON string that itself holds JSON (what {@code json.dumps} of
 * {@code to_json()}'s result writes) is decoded once, with a warning; a string inside that is an error.
 */
final class KerasJson {
    /** Largest architecture text read; a Keras architecture of thousands of layers is a few MB. */
    static final long MAX_CHARS = 64L * 1024 * 1024;
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(200)
                            .maxNumberLength(1000)
                            .maxStringLength((int) MAX_CHARS)
                            .maxNameLength(10_000)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /** The parsed tree and whether it had to be decoded from a JSON string first. */
    record Parsed(JsonNode root, boolean doubleEncoded) {
    }

    private KerasJson() {
    }

    static Parsed parse(String text, String where) throws ImportException {
        if (text.length() > MAX_CHARS) {
            throw ImportException.unreadable(where, ImportMessages.format("json.tooLarge", text.length(), MAX_CHARS));
        }
        if (text.isBlank()) {
            throw ImportException.unreadable(where, ImportMessages.format("json.empty"));
        }
        JsonNode root = tree(text, where);
        if (!root.isTextual()) {
            return new Parsed(root, false);
        }
        JsonNode inner = tree(root.textValue(), where);
        if (inner.isTextual()) {
            throw ImportException.unreadable(where, ImportMessages.format("json.encodedTwice"));
        }
        return new Parsed(inner, true);
    }

    private static JsonNode tree(String text, String where) throws ImportException {
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw ImportException.unreadable(where, ImportMessages.format("json.empty"));
            }
            if (parser.nextToken() != null) {
                throw ImportException.unreadable(where, ImportMessages.format("json.trailing"));
            }
            return node;
        } catch (JsonEOFException e) {
            throw ImportException.unreadable(where, ImportMessages.format("json.truncated"));
        } catch (JsonProcessingException e) {
            throw ImportException.unreadable(where, ImportMessages.format("json.invalid", firstLine(e)));
        } catch (java.io.IOException e) {
            throw ImportException.unreadable(where, ImportMessages.format("json.invalid", String.valueOf(e.getMessage())));
        }
    }

    private static String firstLine(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        String line = nl < 0 ? m : m.substring(0, nl);
        return e.getLocation() == null ? line
                : ImportMessages.format("json.at", line, e.getLocation().getLineNr(), e.getLocation().getColumnNr());
    }
}

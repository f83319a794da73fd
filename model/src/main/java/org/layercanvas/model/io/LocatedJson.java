package org.layercanvas.model.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses JSON text into a Jackson tree while remembering where each value starts (line and column), so that
 * errors found after parsing can still point into the file. Built with Jackson's streaming parser under explicit
 * {@link StreamReadConstraints}: nesting deeper than {@link #MAX_NESTING} levels, more than {@link #MAX_TOKENS}
 * tokens or a document larger than {@link DocumentJson#MAX_FILE_BYTES} give a {@link DocumentFormatException},
 * never a StackOverflowError or an OutOfMemoryError. Duplicate keys in an object are an error.
 */
final class LocatedJson {
    static final int MAX_NESTING = 200;
    static final long MAX_TOKENS = 4_000_000;
    static final int MAX_NAME_LENGTH = 10_000;
    static final int MAX_NUMBER_LENGTH = 1_000;
    /** Locations are recorded only this deep: every value the binder reports on is at most 5 levels down. */
    private static final int LOCATED_DEPTH = 6;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    .maxDocumentLength(DocumentJson.MAX_FILE_BYTES)
                    .maxStringLength((int) DocumentJson.MAX_FILE_BYTES)
                    .maxNameLength(MAX_NAME_LENGTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxTokenCount(MAX_TOKENS)
                    .build())
            .build();

    /** A value's start position: 1-based line and column. */
    record Loc(int line, int column) {
    }

    private final JsonNode root;
    private final Map<String, Loc> locations;

    private LocatedJson(JsonNode root, Map<String, Loc> locations) {
        this.root = root;
        this.locations = locations;
    }

    JsonNode root() {
        return root;
    }

    /** Where the value at {@code path} starts, or null when not recorded. */
    Loc location(String path) {
        return locations.get(path);
    }

    static LocatedJson parse(String json, String sourceName) throws DocumentFormatException {
        Builder builder = new Builder(sourceName);
        try (JsonParser parser = FACTORY.createParser(new StringReader(json))) {
            builder.parser = parser;
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new DocumentFormatException(sourceName, 0, 0, JsonPaths.ROOT,
                        Messages.format("error.empty"));
            }
            JsonNode root = builder.value(JsonPaths.ROOT, 0);
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new DocumentFormatException(sourceName, at.getLineNr(), at.getColumnNr(), JsonPaths.ROOT,
                        Messages.format("error.trailing"));
            }
            return new LocatedJson(root, builder.locations);
        } catch (JsonProcessingException e) {
            throw syntaxError(e, builder.parser, sourceName, json.length());
        } catch (IOException e) {
            // reading from a String cannot fail otherwise; keep the cause for diagnosis
            throw new DocumentFormatException(sourceName, 0, 0, JsonPaths.ROOT,
                    Messages.format("error.syntax", String.valueOf(e.getMessage())), e);
        }
    }

    private static DocumentFormatException syntaxError(JsonProcessingException e, JsonParser parser,
                                                       String sourceName, int textLength) {
        JsonLocation loc = e.getLocation();
        if ((loc == null || loc.getLineNr() <= 0) && parser != null) {
            loc = parser.currentLocation();
        }
        int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
        int column = loc == null ? 0 : Math.max(0, loc.getColumnNr());
        String detail;
        boolean atEnd = loc != null && loc.getCharOffset() >= textLength;
        if (e instanceof JsonEOFException
                || !(e instanceof StreamConstraintsException) && (atEnd || isEndOfInput(e))) {
            detail = Messages.format("error.truncated");
        } else if (e instanceof StreamConstraintsException) {
            String text = String.valueOf(e.getOriginalMessage());
            detail = text.toLowerCase(java.util.Locale.ROOT).contains("nesting depth")
                    ? Messages.format("error.tooDeep", MAX_NESTING)
                    : Messages.format("error.limit", text);
        } else {
            detail = Messages.format("error.syntax", String.valueOf(e.getOriginalMessage()));
        }
        return new DocumentFormatException(sourceName, line, column, JsonPaths.ROOT, detail, e);
    }

    private static boolean isEndOfInput(JsonProcessingException e) {
        String text = e.getOriginalMessage();
        return text != null && text.startsWith("Unexpected end-of-input");
    }

    /** Recursive descent over the token stream; the parser's nesting limit bounds the recursion depth. */
    private static final class Builder {
        private final JsonNodeFactory nodes = JsonNodeFactory.instance;
        private final Map<String, Loc> locations = new HashMap<>();
        private final String sourceName;
        private JsonParser parser;

        Builder(String sourceName) {
            this.sourceName = sourceName;
        }

        /** Reads the value whose first token is the parser's current token. */
        JsonNode value(String path, int depth) throws IOException, DocumentFormatException {
            JsonToken token = parser.currentToken();
            if (depth < LOCATED_DEPTH) {
                JsonLocation at = parser.currentTokenLocation();
                locations.put(path, new Loc(at.getLineNr(), at.getColumnNr()));
            }
            switch (token) {
                case START_OBJECT -> {
                    ObjectNode object = nodes.objectNode();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        JsonLocation keyAt = parser.currentTokenLocation();
                        String childPath = JsonPaths.field(path, name);
                        if (object.has(name)) {
                            throw new DocumentFormatException(sourceName, keyAt.getLineNr(), keyAt.getColumnNr(),
                                    childPath, Messages.format("error.duplicateKey", name));
                        }
                        parser.nextToken();
                        object.set(name, value(childPath, depth + 1));
                    }
                    return object;
                }
                case START_ARRAY -> {
                    ArrayNode array = nodes.arrayNode();
                    int i = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        array.add(value(JsonPaths.index(path, i++), depth + 1));
                    }
                    return array;
                }
                case VALUE_STRING -> {
                    return nodes.textNode(parser.getText());
                }
                case VALUE_NUMBER_INT -> {
                    return switch (parser.getNumberType()) {
                        case INT -> nodes.numberNode(parser.getIntValue());
                        case LONG -> nodes.numberNode(parser.getLongValue());
                        default -> nodes.numberNode(parser.getBigIntegerValue());
                    };
                }
                case VALUE_NUMBER_FLOAT -> {
                    return nodes.numberNode(parser.getDoubleValue());
                }
                case VALUE_TRUE -> {
                    return nodes.booleanNode(true);
                }
                case VALUE_FALSE -> {
                    return nodes.booleanNode(false);
                }
                case VALUE_NULL -> {
                    return nodes.nullNode();
                }
                default -> throw new IllegalStateException("unexpected token " + token);
            }
        }
    }
}

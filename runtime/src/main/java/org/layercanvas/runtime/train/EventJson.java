package org.layercanvas.runtime.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;

/**
 * Events as single-line JSON. Non-finite numbers (NaN validation loss when there is no validation split) are
 * written as the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, which Jackson and most JSON
 * readers turn back into numbers.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private EventJson() {
    }

    public static String toJson(TrainingEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event, e);
        }
    }

    public static TrainingEvent fromJson(String line) throws JsonProcessingException {
        return MAPPER.readValue(line, TrainingEvent.class);
    }
}

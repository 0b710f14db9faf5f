package io.vigia.datasources.bindings.store;

import io.vigia.datasources.bindings.Binding;
import io.vigia.datasources.bindings.BoundInput;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bindings as JSON, the form the workspace keeps them in and {@code vigia sources inspect --json}
 * prints. Unknown properties are refused so that a hand-edited override with a typo is an error.
 */
public final class BindingJson {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private BindingJson() {
    }

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static String writePretty(Object value) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }

    public static BoundInput readInput(String json) {
        return read(json, BoundInput.class);
    }

    /** A binding as a user wrote it ({@code {"type":"latency","metric":…}}); refused with the reason when malformed. */
    public static Binding readBinding(String json) {
        return read(json, Binding.class);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JacksonException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            String why = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
            throw new IllegalArgumentException("not a valid " + type.getSimpleName() + ": " + why, e);
        }
    }
}

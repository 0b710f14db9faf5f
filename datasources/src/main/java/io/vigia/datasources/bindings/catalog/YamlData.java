package io.vigia.datasources.bindings.catalog;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a YAML data file into a record: SnakeYAML's safe loader (plain maps, lists and scalars, no
 * object construction) then Jackson's conversion, which refuses unknown keys so that a typo in an
 * edited file is an error, not a silently ignored entry.
 */
public final class YamlData {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private YamlData() {
    }

    /** The resource next to {@code anchor}, read as {@code type}. */
    public static <T> T resource(Class<?> anchor, String name, Class<T> type) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("data file missing from the build: " + name);
            }
            return read(in, name, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException naming the file and what is wrong in it */
    public static <T> T read(InputStream in, String what, Class<T> type) {
        Object tree;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            tree = new Yaml(new SafeConstructor(options)).load(in);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(what + " is not valid YAML: " + e.getMessage(), e);
        }
        if (tree == null) {
            throw new IllegalArgumentException(what + " is empty");
        }
        try {
            return JSON.convertValue(tree, type);
        } catch (JacksonException | IllegalArgumentException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            throw new IllegalArgumentException(what + ": " + cause.getMessage(), e);
        }
    }
}

package io.vigia.datasources.otlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fixture {@code otlp/assistant-telemetry-names.tsv}: every name the test sender uses, with
 * where it was read. {@link #of} refuses a name that is not listed, so a test cannot send (and
 * the receiver cannot be made to expect) a made-up name.
 */
public final class TelemetryNames {
    private static final Map<String, String> SOURCES = load();

    private TelemetryNames() {
    }

    public static String of(String name) {
        String source = SOURCES.get(name);
        if (source == null || source.isBlank()) {
            throw new AssertionError(name + " is not in otlp/assistant-telemetry-names.tsv with a source");
        }
        return name;
    }

    public static Map<String, String> all() {
        return SOURCES;
    }

    private static Map<String, String> load() {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = TelemetryNames.class.getResourceAsStream("/otlp/assistant-telemetry-names.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != 4) {
                    throw new IllegalStateException("expected 4 tab-separated columns: " + line);
                }
                out.put(cols[0], cols[3]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}

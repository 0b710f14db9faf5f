package io.vigia.e2e;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * One /metrics response of the scrape-fidelity comparison: the bytes and the Content-Type they
 * are served with. {@code name} is also the scrape job and the path, so it stays within
 * {@code [A-Za-z0-9_-]}.
 */
record ExpositionInput(String name, String contentType, byte[] body) {
    /** What client_golang's expfmt sends for the text format (FmtText). */
    static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
    /** What client_golang's expfmt sends for OpenMetrics 1.0 (FmtOpenMetrics_1_0_0). */
    static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    ExpositionInput {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("input name " + name + " must match " + NAME);
        }
    }

    static ExpositionInput text(String name, String body) {
        return new ExpositionInput(name, TEXT, body.getBytes(StandardCharsets.UTF_8));
    }

    static ExpositionInput openMetrics(String name, String body) {
        return new ExpositionInput(name, OPENMETRICS, body.getBytes(StandardCharsets.UTF_8));
    }

    String path() {
        return "/in/" + name;
    }
}

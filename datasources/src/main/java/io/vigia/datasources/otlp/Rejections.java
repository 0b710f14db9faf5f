package io.vigia.datasources.otlp;

import java.util.LinkedHashSet;
import java.util.Set;

/** What part of one request was not stored, and why: OTLP's partial success. */
final class Rejections {
    private long count;
    private final Set<String> reasons = new LinkedHashSet<>();

    void add(long n, String reason) {
        if (n > 0) {
            count += n;
            reasons.add(reason);
        }
    }

    long count() {
        return count;
    }

    /** The reasons in English, as OTLP's {@code error_message} asks. */
    String message() {
        return String.join("; ", reasons);
    }
}

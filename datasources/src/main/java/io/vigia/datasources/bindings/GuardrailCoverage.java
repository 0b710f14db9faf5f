package io.vigia.datasources.bindings;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What shows checks that made no decision, so that a guardrail failing open does not look healthy.
 * Every part is optional; with none, coverage is unknown and a panel must say so.
 *
 * @param errorsMetric   a counter of checks that ended in an error (no decision)
 * @param requestsMetric a counter of requests the guardrail should have seen (checks not run =
 *                       requests − decisions − errors)
 */
public record GuardrailCoverage(String errorsMetric, String requestsMetric) {
    public static final GuardrailCoverage UNKNOWN = new GuardrailCoverage(null, null);

    public GuardrailCoverage {
        if (errorsMetric != null) {
            Names.requireMetric(errorsMetric);
        }
        if (requestsMetric != null) {
            Names.requireMetric(requestsMetric);
        }
    }

    @JsonIgnore
    public boolean isKnown() {
        return errorsMetric != null || requestsMetric != null;
    }

    public GuardrailCoverage withRequests(String metric) {
        return new GuardrailCoverage(errorsMetric, metric);
    }
}

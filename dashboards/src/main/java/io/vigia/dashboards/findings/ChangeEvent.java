package io.vigia.dashboards.findings;

import java.util.Objects;

/**
 * Something that changed and may explain an anomaly after it: a deploy (service, old → new
 * version), a model change (a team starts using a model) or a guardrail spike (a finding of the
 * guardrail rules). {@code from} is null when the earlier state is not known.
 */
public record ChangeEvent(long timeMillis, Kind kind, String subject, String from, String to) {
    public enum Kind { DEPLOY, MODEL_CHANGE, GUARDRAIL_SPIKE }

    public ChangeEvent {
        Objects.requireNonNull(kind, "kind");
        subject = subject == null ? "" : subject;
        to = to == null ? "" : to;
    }

    public static ChangeEvent deploy(long timeMillis, String service, String oldVersion, String newVersion) {
        return new ChangeEvent(timeMillis, Kind.DEPLOY, service, oldVersion, newVersion);
    }

    /** "payments 2.14.0 (from 2.13.0)", "payments-core starts using gpt-5-codex". */
    public String describe() {
        return switch (kind) {
            case DEPLOY -> subject + " " + to + (from == null ? "" : " (from " + from + ")");
            case MODEL_CHANGE -> subject + " starts using " + to + (from == null ? "" : " (was " + from + ")");
            case GUARDRAIL_SPIKE -> "a spike of " + subject + " guardrail blocks";
        };
    }
}

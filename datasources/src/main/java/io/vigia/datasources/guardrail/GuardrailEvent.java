package io.vigia.datasources.guardrail;

/**
 * One guardrail decision, in the taxonomy of docs/telemetry.md. The prompt is already redacted
 * ({@link io.vigia.datasources.redact.Redactor}): the raw text never leaves the parser.
 *
 * @param timestamp      milliseconds since the epoch
 * @param direction      {@code input} or {@code output}
 * @param decision       {@code allowed}, {@code blocked} or {@code redacted}
 * @param category       a taxonomy category, {@code other:<name>}, or {@code none} for allowed
 * @param detector       the check that decided, {@code none} for allowed
 * @param score          the detector's score, null when absent
 * @param redactedPrompt the prompt with secrets and personal data replaced; null when absent
 */
public record GuardrailEvent(long timestamp, String app, String direction, String decision, String category,
                             String detector, Double score, String model, String user, String requestId,
                             String redactedPrompt) {

    /** Never the prompt: a record's default {@code toString} would put attacker text into logs. */
    @Override
    public String toString() {
        return "GuardrailEvent[" + timestamp + " " + app + " " + direction + " " + decision + " " + category + " " + detector + "]";
    }
}

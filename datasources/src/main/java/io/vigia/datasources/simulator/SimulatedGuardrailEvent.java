package io.vigia.datasources.simulator;

/**
 * One guardrail decision as the audit log records it (the JSONL event of docs/telemetry.md).
 * {@code prompt} is attacker-controlled text.
 */
public record SimulatedGuardrailEvent(long timestampMillis, String app, String direction, String decision, String category,
                             String detector, double score, String model, String user, String requestId,
                             String prompt) {
}

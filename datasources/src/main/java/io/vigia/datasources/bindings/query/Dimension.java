package io.vigia.datasources.bindings.query;

/** What a generated query may be grouped or filtered by, whatever the source's label names. */
public enum Dimension {
    SERVICE, ROUTE,
    /** Guardrails: the vendor's category (or guardrail/scanner name). */
    CATEGORY,
    /** Guardrails: input or output. */
    DIRECTION,
    DETECTOR,
    APP,
    /** Model inputs: the feature. */
    FEATURE,
    MODEL,
    /** Copilot: the team. */
    TEAM
}

package io.vigia.datasources.bindings;

import java.util.Objects;

/**
 * Guardrail decisions as the source counts them, with the labels that say what, where and by whom.
 *
 * @param categoryLabel  the label holding the vendor's category (or guardrail/scanner name); null when none
 * @param vocabulary     which vendor's names the category label holds, for the OWASP mapping
 *                       ({@code io.vigia.datasources.bindings.guardrail.OwaspMapping}); null when none
 * @param directionLabel input/output (or pre/post call); null when none
 * @param detectorLabel  the detector or scanner; null when none
 * @param appLabel       the application or gateway; null when none
 * @param ignoreCase     whether decision and direction values are matched ignoring case ({@code Input}/{@code input})
 */
public record GuardrailBinding(GuardrailDecisions decisions, String categoryLabel, String vocabulary, String directionLabel,
                               String detectorLabel, String appLabel, boolean ignoreCase, GuardrailCoverage coverage)
        implements Binding {
    public GuardrailBinding {
        Objects.requireNonNull(decisions, "decisions");
        for (String l : new String[]{categoryLabel, directionLabel, detectorLabel, appLabel}) {
            if (l != null) {
                Names.requireLabel(l);
            }
        }
        coverage = coverage == null ? GuardrailCoverage.UNKNOWN : coverage;
    }

    public GuardrailBinding withCoverage(GuardrailCoverage c) {
        return new GuardrailBinding(decisions, categoryLabel, vocabulary, directionLabel, detectorLabel, appLabel, ignoreCase, c);
    }

    @Override
    public SemanticInput input() {
        return SemanticInput.GUARDRAIL_DECISIONS;
    }

    @Override
    public String describe() {
        String d = switch (decisions) {
            case GuardrailDecisions.Labelled l -> l.metric() + ", blocked when " + l.label() + " in " + l.blocked();
            case GuardrailDecisions.SeparateCounters s -> s.blockedMetric() + " of " + s.totalMetric();
        };
        return d + ", category=" + orNone(categoryLabel) + ", direction=" + orNone(directionLabel)
                + ", detector=" + orNone(detectorLabel) + ", app=" + orNone(appLabel)
                + ", coverage: " + (coverage.isKnown()
                ? (coverage.errorsMetric() == null ? "" : "errors " + coverage.errorsMetric())
                + (coverage.requestsMetric() == null ? "" : (coverage.errorsMetric() == null ? "" : ", ")
                + "requests " + coverage.requestsMetric())
                : "unknown (no error or request counter)");
    }

    private static String orNone(String s) {
        return s == null ? "(none)" : s;
    }
}

package io.vigia.dashboards.findings;

import io.vigia.persistence.evidence.AcceptedSuggestionRepository.StoredSuggestion;
import io.vigia.persistence.evidence.SarifFindingRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A SAST finding on an accepted AI suggestion with its three risk factors ({@link RiskModel}) and
 * the teams it counts for. The risk is their product when all three are known; otherwise it is
 * unknown, and {@link #partial()} (the product of the known factors) is an upper bound, every
 * factor being at most 1 (severity at most 10).
 */
public record ScoredFinding(SarifFindingRepository.Finding finding, StoredSuggestion suggestion, Instant detectedAt,
                            List<String> teams, RiskFactor severity, RiskFactor exploitability, RiskFactor exposure) {
    public ScoredFinding {
        teams = List.copyOf(teams);
    }

    public boolean complete() {
        return severity.known() && exploitability.known() && exposure.known();
    }

    /** severity × exploitability × exposure (0–10), NaN when a factor is unknown. */
    public double risk() {
        return complete() ? partial() : Double.NaN;
    }

    /** The product of the known factors: the risk when all are known, an upper bound otherwise. */
    public double partial() {
        double p = 1;
        for (RiskFactor f : List.of(severity, exploitability, exposure)) {
            if (f.known()) {
                p *= f.value();
            }
        }
        return p;
    }

    /** The names of the unknown factors, in formula order. */
    public List<String> missing() {
        List<String> out = new ArrayList<>();
        if (!severity.known()) {
            out.add("severity");
        }
        if (!exploitability.known()) {
            out.add("exploitability");
        }
        if (!exposure.known()) {
            out.add("exposure");
        }
        return out;
    }

    /** The formula with this finding's numbers: "severity 8.8 (…) × exploitability unknown (…) × exposure 1.00 (…) = at most 8.8". */
    public String formula() {
        String result = complete() ? String.format(Locale.ROOT, "= %.1f", risk())
                : String.format(Locale.ROOT, "= at most %.1f (%s unknown)", partial(), String.join(" and ", missing()));
        return "severity " + severity.show() + " × exploitability " + exploitability.show() + " × exposure " + exposure.show()
                + " " + result;
    }

    /** The first CWE of the finding, or null. */
    public String cwe() {
        String c = finding.cwe();
        if (c == null || c.isBlank()) {
            return null;
        }
        int comma = c.indexOf(',');
        return comma < 0 ? c : c.substring(0, comma);
    }
}

package io.vigia.dashboards.findings;

import io.vigia.datasources.sarif.Exploitability;
import io.vigia.persistence.evidence.RepositoryExposureRepository.Exposure;
import io.vigia.persistence.evidence.SarifFindingRepository;

import java.util.Locale;

/**
 * The three factors of a finding's security risk, {@code severity × exploitability × exposure},
 * each taken from what the SARIF log or the user states, with published weights and nothing
 * made up (docs/security-risk.md):
 *
 * <ul>
 * <li><b>Severity</b> (0–10): the result's {@code properties.security-severity}, else its rule's
 *     (GitHub code scanning's CVSS-like score). Without one, the level's band as the SAST counter
 *     reads it (error high, warning medium, note low) at the lower bound of that band in the
 *     CVSS v3.1 qualitative scale (FIRST, CVSS v3.1 specification, table 14: low 0.1, medium
 *     4.0, high 7.0): a floor, said so in the basis.</li>
 * <li><b>Exploitability</b> (0.91–1): the result's {@code ai/exploitability} (SARIF SDK AI profile)
 *     as the CVSS v3.1 Exploit Code Maturity multiplier it describes (table 16): theoretical is
 *     Unproven ("an exploit is theoretical") 0.91, poc is Proof-of-Concept 0.94, demonstrated
 *     (exploitation observed end to end) is Functional 0.97. No other SARIF property states
 *     exploitability; without it the factor is unknown.</li>
 * <li><b>Exposure</b> (0.24–1): the CVSS v3.1 Attack Vector weight of where an attacker must be,
 *     divided by Network's 0.85 so that a service reachable from the internet is 1: Network 1,
 *     Adjacent 0.62/0.85 = 0.73, Local 0.55/0.85 = 0.65, Physical 0.2/0.85 = 0.24. A result's
 *     {@code ai/attackerPosition} of {@code local-host} or {@code physical} is Local or Physical
 *     whatever the service; {@code adjacent-network} is Adjacent; otherwise (a network position,
 *     another value, none) the user's declaration of the repository decides: internet-facing is
 *     Network, internal is Adjacent, undeclared is unknown.</li>
 * </ul>
 */
public final class RiskModel {
    /** CVSS v3.1 specification, table 16 (Attack Vector). */
    static final double AV_NETWORK = 0.85;
    static final double AV_ADJACENT = 0.62;
    static final double AV_LOCAL = 0.55;
    static final double AV_PHYSICAL = 0.2;
    /** CVSS v3.1 specification, table 16 (Exploit Code Maturity). */
    static final double E_FUNCTIONAL = 0.97;
    static final double E_PROOF_OF_CONCEPT = 0.94;
    static final double E_UNPROVEN = 0.91;

    private RiskModel() {
    }

    public static RiskFactor severity(SarifFindingRepository.Finding f) {
        if (f.securityScore() != null) {
            return RiskFactor.of(f.securityScore(), String.format(Locale.ROOT, "security-severity %.1f", f.securityScore()));
        }
        return switch (f.level()) {
            case "error" -> RiskFactor.of(7.0, "level error: high, at least 7.0");
            case "warning" -> RiskFactor.of(4.0, "level warning: medium, at least 4.0");
            case "note" -> RiskFactor.of(0.1, "level note: low, at least 0.1");
            default -> RiskFactor.of(0, "level " + f.level() + ": not a problem");
        };
    }

    public static RiskFactor exploitability(SarifFindingRepository.Finding f) {
        Exploitability e = Exploitability.fromLabel(f.exploitability());
        if (e == null) {
            return RiskFactor.unknown("no ai/exploitability in the log");
        }
        return switch (e) {
            case DEMONSTRATED -> RiskFactor.of(E_FUNCTIONAL, "ai/exploitability demonstrated: CVSS E:F");
            case POC -> RiskFactor.of(E_PROOF_OF_CONCEPT, "ai/exploitability poc: CVSS E:P");
            case THEORETICAL -> RiskFactor.of(E_UNPROVEN, "ai/exploitability theoretical: CVSS E:U");
        };
    }

    /** @param declared the repository's declared exposure, null when undeclared */
    public static RiskFactor exposure(SarifFindingRepository.Finding f, Exposure declared) {
        String position = f.attackerPosition() == null ? "" : f.attackerPosition();
        switch (position) {
            case "physical" -> {
                return RiskFactor.of(AV_PHYSICAL / AV_NETWORK, "ai/attackerPosition physical: CVSS AV:P");
            }
            case "local-host" -> {
                return RiskFactor.of(AV_LOCAL / AV_NETWORK, "ai/attackerPosition local-host: CVSS AV:L");
            }
            case "adjacent-network" -> {
                return RiskFactor.of(AV_ADJACENT / AV_NETWORK, "ai/attackerPosition adjacent-network: CVSS AV:A");
            }
            default -> {
                // a network position, or none: how far the network reaches is the repository's declaration
            }
        }
        if (declared == null) {
            return RiskFactor.unknown("the repository's exposure is not declared");
        }
        return declared == Exposure.INTERNET
                ? RiskFactor.of(1.0, "declared internet-facing: CVSS AV:N")
                : RiskFactor.of(AV_ADJACENT / AV_NETWORK, "declared internal: CVSS AV:A");
    }
}

package io.vigia.dashboards.findings;

import io.vigia.datasources.copilot.usage.TeamMemberships;
import io.vigia.datasources.sarif.StoredAttributions;
import io.vigia.datasources.sarif.SuggestionCorrelation;
import io.vigia.persistence.evidence.AcceptedSuggestionRepository;
import io.vigia.persistence.evidence.RepositoryExposureRepository;
import io.vigia.persistence.evidence.RepositoryExposureRepository.Exposure;
import io.vigia.persistence.evidence.SarifFindingRepository;
import io.vigia.persistence.workspace.Workspace;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The security risk of SAST findings on accepted AI suggestions, per repository and per team
 * (docs/security-risk.md). A finding counts when it is attributed to an accepted suggestion
 * ({@link StoredAttributions}, the rule of docs/sast-correlation.md) and was detected in the range;
 * a finding a later scan reported {@code absent} (fixed) does not count. Each finding is scored by
 * {@link RiskModel}; a row's score is the highest risk of its findings, unknown unless every
 * finding's factors are known. The team of a finding is the Copilot user-teams report's team(s) of
 * the user who accepted the suggestion on that day, else the team the suggestion record names,
 * else {@value #UNKNOWN_TEAM}. A snapshot of the workspace: load once, compute for any range.
 */
public final class SecurityRisk {
    public static final String UNKNOWN_TEAM = "unknown team";
    public static final String NO_REPOSITORY = "(no repository named)";

    private final List<StoredAttributions.Match> matches;
    private final Map<String, Exposure> exposures;
    private final TeamMemberships teams;

    private SecurityRisk(List<StoredAttributions.Match> matches, Map<String, Exposure> exposures, TeamMemberships teams) {
        this.matches = List.copyOf(matches);
        this.exposures = Map.copyOf(exposures);
        this.teams = teams;
    }

    /** Reads the exposure declarations, then findings, suggestions and team memberships in one transaction. */
    public static SecurityRisk load(Workspace workspace) {
        Map<String, Exposure> exposures = new HashMap<>();
        for (RepositoryExposureRepository.Declaration d : new RepositoryExposureRepository(workspace).all()) {
            exposures.put(SuggestionCorrelation.repositoryKey(d.repository()), d.exposure());
        }
        return workspace.read(c -> new SecurityRisk(StoredAttributions.attribute(SarifFindingRepository.all(c),
                AcceptedSuggestionRepository.all(c)), exposures, TeamMemberships.load(c)));
    }

    /** The rows of one range: repositories and teams, highest (partial) score first. */
    public record Result(List<RiskRow> byRepository, List<RiskRow> byTeam) {
        public Result {
            byRepository = List.copyOf(byRepository);
            byTeam = List.copyOf(byTeam);
        }
    }

    public Result compute(Instant from, Instant to) {
        List<ScoredFinding> scored = scored(from, to);
        List<RiskRow> repos = rows(RiskRow.Scope.REPOSITORY, scored, f -> List.of(repository(f)));
        List<RiskRow> byTeam = rows(RiskRow.Scope.TEAM, scored, ScoredFinding::teams);
        return new Result(repos, byTeam);
    }

    /** The attributed findings detected in [from, to), each with its factors and teams. */
    public List<ScoredFinding> scored(Instant from, Instant to) {
        List<ScoredFinding> out = new ArrayList<>();
        for (StoredAttributions.Match m : matches) {
            Instant detected = m.correlated().detectedAt();
            if (detected.isBefore(from) || !detected.isBefore(to) || "absent".equals(m.finding().baselineState())) {
                continue;
            }
            SarifFindingRepository.Finding f = m.finding();
            Exposure declared = exposures.get(SuggestionCorrelation.repositoryKey(f.repository()));
            out.add(new ScoredFinding(f, m.suggestion(), detected, teamsOf(m.suggestion()), RiskModel.severity(f),
                    RiskModel.exploitability(f), RiskModel.exposure(f, declared)));
        }
        return out;
    }

    private List<String> teamsOf(AcceptedSuggestionRepository.StoredSuggestion s) {
        LocalDate day = Instant.ofEpochMilli(s.acceptedAt()).atZone(ZoneOffset.UTC).toLocalDate();
        List<String> fromReport = teams.teamsOf(s.userLogin(), day);
        if (!fromReport.isEmpty()) {
            return fromReport;
        }
        return s.team().isBlank() ? List.of(UNKNOWN_TEAM) : List.of(s.team());
    }

    static String repository(ScoredFinding f) {
        String key = SuggestionCorrelation.repositoryKey(f.finding().repository());
        return key.isEmpty() ? NO_REPOSITORY : key;
    }

    private static List<RiskRow> rows(RiskRow.Scope scope, List<ScoredFinding> scored,
                                      Function<ScoredFinding, List<String>> subjects) {
        Map<String, List<ScoredFinding>> groups = new LinkedHashMap<>();
        for (ScoredFinding f : scored) {
            for (String subject : subjects.apply(f)) {
                groups.computeIfAbsent(subject, k -> new ArrayList<>()).add(f);
            }
        }
        List<RiskRow> out = new ArrayList<>();
        for (Map.Entry<String, List<ScoredFinding>> g : groups.entrySet()) {
            out.add(row(scope, g.getKey(), g.getValue()));
        }
        out.sort(Comparator.comparingDouble(RiskRow::partialScore).reversed().thenComparing(RiskRow::subject));
        return out;
    }

    /** Highest partial risk first; among equals, the complete one (its number is a score, not a bound). */
    static final Comparator<ScoredFinding> WORST_FIRST = Comparator.comparingDouble(ScoredFinding::partial).reversed()
            .thenComparing(f -> !f.complete());

    static RiskRow row(RiskRow.Scope scope, String subject, List<ScoredFinding> findings) {
        List<ScoredFinding> sorted = new ArrayList<>(findings);
        sorted.sort(WORST_FIRST);
        int complete = 0;
        int noExploitability = 0;
        int noExposure = 0;
        double max = 0;
        Map<String, Integer> cweCounts = new TreeMap<>();
        for (ScoredFinding f : sorted) {
            if (f.complete()) {
                complete++;
                max = Math.max(max, f.risk());
            }
            noExploitability += f.exploitability().known() ? 0 : 1;
            noExposure += f.exposure().known() ? 0 : 1;
            if (f.cwe() != null) {
                cweCounts.merge(f.cwe(), 1, Integer::sum);
            }
        }
        String topCwe = cweCounts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(null);
        double score = complete == sorted.size() ? max : Double.NaN;
        return new RiskRow(scope, subject, sorted.size(), complete, score, sorted.getFirst().partial(), noExploitability,
                noExposure, topCwe, sorted.getFirst(), sorted);
    }
}

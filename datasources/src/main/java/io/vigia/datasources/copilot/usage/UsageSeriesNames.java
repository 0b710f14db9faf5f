package io.vigia.datasources.copilot.usage;

import io.vigia.datasources.copilot.CopilotSource;
import io.vigia.persistence.series.Labels;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names of the series derived from the usage reports (docs/telemetry.md lists them): every
 * number of a record becomes {@code github_copilot_usage_<breakdown>_<field>}, GitHub's field name
 * kept as it is (nested names joined by '_'), the breakdown without its {@code totals_by_} prefix
 * ({@code totals_by_ide} → {@code ide}, {@code totals_by_cli} → {@code cli},
 * {@code pull_requests.copilot_suggestions_by_comment_type} → {@code pull_requests_by_comment_type}).
 * The breakdown's keys become labels ({@code ide}, {@code feature}, {@code language},
 * {@code model}, {@code comment_type}, {@code agent_id}, {@code agent_name}, {@code phase}), and a
 * series with a {@code feature} also gets {@code surface} ({@link CopilotSurface}). Every series
 * carries {@code scope} and {@code source="usage-report"}, like the {@code github_copilot_daily_*}
 * series of {@link io.vigia.datasources.copilot.CopilotSeries}.
 */
public final class UsageSeriesNames {
    public static final String PREFIX = "github_copilot_usage_";
    /** Every series this package derives from the stored report values. */
    public static final String NAME_REGEX = "github_copilot_usage_.*";
    public static final String REBASELINE = PREFIX + "rebaseline";
    public static final String SEATS = "github_copilot_seats";
    public static final String TEAM_SEATS = "github_copilot_seats_by_team";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> FAMILIES = Map.of(
            "pull_requests.copilot_suggestions_by_comment_type", "pull_requests_by_comment_type");
    private static final Set<String> RESERVED = Set.of("scope", "source", "surface", "team", "team_id", "user", "user_id",
            "repository", "repo_id", "le", "quantile");

    private UsageSeriesNames() {
    }

    /** The metric of a value, e.g. ("team_", "totals_by_ide", "loc_added_sum") → github_copilot_usage_team_ide_loc_added_sum. */
    public static String metric(String level, String breakdown, String field) {
        String family = family(breakdown);
        return sanitize(PREFIX + level + (family.isEmpty() ? "" : family + "_") + String.join("_", FieldPath.split(field)));
    }

    static String family(String breakdown) {
        String alias = FAMILIES.get(breakdown);
        if (alias != null) {
            return alias;
        }
        List<String> parts = FieldPath.split(breakdown).stream()
                .map(p -> p.startsWith("totals_by_") ? p.substring("totals_by_".length()) : p).toList();
        return String.join("_", parts);
    }

    /** Ids, partitions and phase numbers are labels or housekeeping, not measurements. */
    public static boolean isMeasurement(String field) {
        List<String> names = FieldPath.split(field);
        String last = names.isEmpty() ? "" : names.getLast();
        return !field.isEmpty() && !last.endsWith("_id") && !last.endsWith("_partition") && !last.equals("phase_number");
    }

    /** Averages and medians of users' days do not add up over users (a team's or the scope's). */
    public static boolean isAdditive(String field) {
        List<String> names = FieldPath.split(field);
        String last = names.isEmpty() ? "" : names.getLast();
        return isMeasurement(field) && !last.startsWith("avg_") && !last.startsWith("median_");
    }

    /**
     * Counts of distinct users (daily, weekly and monthly active users of any surface, engaged
     * users): GitHub's counts of different people, which may not be added over days or teams.
     */
    public static boolean isDistinctUserCount(String field) {
        List<String> names = FieldPath.split(field);
        String last = names.isEmpty() ? "" : names.getLast();
        return last.endsWith("_users") || last.equals("total_engaged_users");
    }

    public static Labels.Builder base(String metric, String scope) {
        return Labels.builder().set(Labels.METRIC_NAME, metric).set("scope", scope)
                .set("source", CopilotSource.USAGE_REPORT.label());
    }

    /** Adds an element's keys as labels (and its surface when it has a feature). */
    public static Labels.Builder dimensions(Labels.Builder b, String dimension) {
        if (dimension.isEmpty()) {
            return b;
        }
        JsonNode dims = JSON.readTree(dimension);
        for (Map.Entry<String, JsonNode> d : dims.properties()) {
            String name = sanitize(d.getKey());
            if (RESERVED.contains(name) || name.startsWith("__")) {
                name = "dim_" + name;
            }
            b.set(name, d.getValue().asString(""));
            if (d.getKey().equals("feature")) {
                b.set("surface", CopilotSurface.ofFeature(d.getValue().asString("")).label());
            }
        }
        return b;
    }

    /** A valid metric or label name: [a-zA-Z_][a-zA-Z0-9_]*. */
    static String sanitize(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
            out.append(ok ? c : '_');
        }
        return out.isEmpty() ? "_" : out.toString();
    }
}

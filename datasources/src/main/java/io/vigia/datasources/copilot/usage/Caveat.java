package io.vigia.datasources.copilot.usage;

import java.time.LocalDate;

/**
 * One of GitHub's caveats about its Copilot numbers, as data a chart shows next to them
 * (github/docs team-level-metrics.md, "Limitations and caveats"; copilot-usage-metrics.md).
 *
 * @param subject the team the note is about, '' for the whole scope
 * @param count   the number the note is about (users on no team, users on several teams), 0 when none
 */
public record Caveat(Kind kind, LocalDate day, String subject, long count, String message) {

    public enum Kind {
        /** The scope's history changes source here (legacy API ↔ usage reports): re-baseline, do not diff across. */
        REBASELINE("rebaseline"),
        /** Teams under five seated users are absent from the user-teams report; their members' activity is in no team. */
        TEAMS_BELOW_FIVE_SEATS("teams-below-five-seats"),
        /** Users on several teams count once in each of them. */
        MULTI_TEAM_USERS("multi-team-users"),
        /** Counts of distinct users cannot be added over days or teams. */
        DISTINCT_USERS("distinct-users");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Kind ofLabel(String label) {
            for (Kind k : values()) {
                if (k.label.equals(label)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown caveat: " + label);
        }
    }
}

package io.vigia.datasources.copilot;

import java.time.LocalDate;
import java.util.List;

/**
 * One day of Copilot usage for one scope (organization, enterprise or team), normalized from
 * any of the API's formats. User counts are -1 where the source does not have them.
 */
public record CopilotDay(String scope, LocalDate day, CopilotSource source, long activeUsers, long engagedUsers,
                         long chatTurns, List<CompletionCounts> completions) {
    public CopilotDay {
        completions = List.copyOf(completions);
    }

    /** The day's totals over every breakdown cell. */
    public CompletionCounts totals() {
        CompletionCounts t = new CompletionCounts("", "", "", 0, 0, 0, 0);
        for (CompletionCounts c : completions) {
            t = t.plus(c);
        }
        return t;
    }
}

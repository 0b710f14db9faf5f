package io.vigia.datasources.copilot;

import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;

import java.time.ZoneOffset;

/**
 * Writes Copilot days into the store as daily gauges, one sample at 00:00 UTC of the day, so
 * that history outlives the API's 28-day window. Every series carries {@code scope} and
 * {@code source}; completion series also the breakdown labels the source has
 * ({@code editor}, {@code language}, {@code model}). Metric names are in docs/telemetry.md.
 */
public final class CopilotSeries {
    public static final String ACTIVE_USERS = "github_copilot_daily_active_users";
    public static final String ENGAGED_USERS = "github_copilot_daily_engaged_users";
    public static final String CHAT_TURNS = "github_copilot_daily_chat_turns";
    public static final String SUGGESTIONS = "github_copilot_daily_code_suggestions";
    public static final String ACCEPTANCES = "github_copilot_daily_code_acceptances";
    public static final String LINES_SUGGESTED = "github_copilot_daily_lines_suggested";
    public static final String LINES_ACCEPTED = "github_copilot_daily_lines_accepted";

    /** Every metric name this class writes, for erasing a day. */
    public static final String NAME_REGEX = "github_copilot_daily_.*";

    private CopilotSeries() {
    }

    public static long timestamp(CopilotDay d) {
        return d.day().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** Appends the day's samples; the caller commits. Returns the number of samples written. */
    public static int write(CopilotDay d, SeriesWriter writer) {
        long t = timestamp(d);
        int n = 0;
        if (d.activeUsers() >= 0) {
            writer.append(base(ACTIVE_USERS, d).build(), t, d.activeUsers());
            n++;
        }
        if (d.engagedUsers() >= 0) {
            writer.append(base(ENGAGED_USERS, d).build(), t, d.engagedUsers());
            n++;
        }
        writer.append(base(CHAT_TURNS, d).build(), t, d.chatTurns());
        n++;
        for (CompletionCounts c : d.completions()) {
            n += cell(writer, SUGGESTIONS, d, c, t, c.suggestions());
            n += cell(writer, ACCEPTANCES, d, c, t, c.acceptances());
            n += cell(writer, LINES_SUGGESTED, d, c, t, c.linesSuggested());
            n += cell(writer, LINES_ACCEPTED, d, c, t, c.linesAccepted());
        }
        return n;
    }

    private static int cell(SeriesWriter writer, String metric, CopilotDay d, CompletionCounts c, long t, long v) {
        writer.append(base(metric, d).set("editor", c.editor()).set("language", c.language()).set("model", c.model()).build(), t, v);
        return 1;
    }

    private static Labels.Builder base(String metric, CopilotDay d) {
        return Labels.builder().set(Labels.METRIC_NAME, metric).set("scope", d.scope()).set("source", d.source().label());
    }
}

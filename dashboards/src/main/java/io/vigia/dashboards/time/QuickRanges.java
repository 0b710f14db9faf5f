package io.vigia.dashboards.time;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grafana's quick ranges, in the order and with the names of its time picker
 * ({@code getBaseRangeOptions} in grafana-data's {@code rangeutil.ts}), and the names it gives
 * other ranges ({@code describeTextRange}: "Last 3 days", else "from to to").
 */
public final class QuickRanges {
    /** What the picker lists. */
    public static final List<RangeChoice.Relative> SHOWN = List.of(
            r("Today", "now/d", "now/d"),
            r("Today so far", "now/d", "now"),
            r("This week", "now/w", "now/w"),
            r("This week so far", "now/w", "now"),
            r("This month", "now/M", "now/M"),
            r("This month so far", "now/M", "now"),
            r("This year", "now/y", "now/y"),
            r("This year so far", "now/y", "now"),
            r("Yesterday", "now-1d/d", "now-1d/d"),
            r("Day before yesterday", "now-2d/d", "now-2d/d"),
            r("This day last week", "now-7d/d", "now-7d/d"),
            r("Previous week", "now-1w/w", "now-1w/w"),
            r("Previous month", "now-1M/M", "now-1M/M"),
            r("Previous fiscal quarter", "now-1Q/fQ", "now-1Q/fQ"),
            r("Previous year", "now-1y/y", "now-1y/y"),
            r("Previous fiscal year", "now-1y/fy", "now-1y/fy"),
            r("Last 5 minutes", "now-5m", "now"),
            r("Last 15 minutes", "now-15m", "now"),
            r("Last 30 minutes", "now-30m", "now"),
            r("Last 1 hour", "now-1h", "now"),
            r("Last 3 hours", "now-3h", "now"),
            r("Last 6 hours", "now-6h", "now"),
            r("Last 12 hours", "now-12h", "now"),
            r("Last 24 hours", "now-24h", "now"),
            r("Last 2 days", "now-2d", "now"),
            r("Last 7 days", "now-7d", "now"),
            r("Last 30 days", "now-30d", "now"),
            r("Last 90 days", "now-90d", "now"),
            r("Last 6 months", "now-6M", "now"),
            r("Last 1 year", "now-1y", "now"),
            r("Last 2 years", "now-2y", "now"),
            r("Last 5 years", "now-5y", "now"),
            r("This fiscal quarter so far", "now/fQ", "now"),
            r("This fiscal quarter", "now/fQ", "now/fQ"),
            r("This fiscal year so far", "now/fy", "now"),
            r("This fiscal year", "now/fy", "now/fy"));

    private static final Pattern LAST_OR_NEXT = Pattern.compile("now([-+])(\\d+)(f?[smhdwMQy])");

    private QuickRanges() {
    }

    /** The quick range with these bounds, if Grafana lists one. */
    public static Optional<RangeChoice.Relative> find(String from, String to) {
        return SHOWN.stream().filter(r -> r.from().equals(from) && r.to().equals(to)).findFirst();
    }

    /** Grafana's name for a range: its quick range, "Last 3 days" / "Next 2 hours", else "from to to". */
    public static String describe(String from, String to) {
        Optional<RangeChoice.Relative> quick = find(from, to);
        if (quick.isPresent()) {
            return quick.get().label();
        }
        boolean last = "now".equals(to);
        Matcher m = LAST_OR_NEXT.matcher(last ? from : to);
        if ((last || "now".equals(from)) && m.matches() && m.group(1).equals(last ? "-" : "+")) {
            long n = Long.parseLong(m.group(2));
            String unit = m.group(3);
            String word = unit.startsWith("f") ? "fiscal " + word(unit.charAt(1)) : word(unit.charAt(0));
            return (last ? "Last " : "Next ") + n + " " + word + (n == 1 ? "" : "s");
        }
        return from + " to " + to;
    }

    private static String word(char unit) {
        return DateMathUnit.of(unit).map(DateMathUnit::word).orElse(String.valueOf(unit));
    }

    private static RangeChoice.Relative r(String label, String from, String to) {
        return new RangeChoice.Relative(label, from, to);
    }
}

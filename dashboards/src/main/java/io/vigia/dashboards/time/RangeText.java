package io.vigia.dashboards.time;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole range typed on one line, as Grafana prints one ({@code now-30d to now},
 * {@code 2025-04-01 to 2025-04-30}), or one time standing for a range:
 * <ul>
 *   <li>a bare duration is the last (or with {@code +}, the next) one, as Grafana's
 *       {@code describeTextRange} reads it: {@code 30d} is {@code now-30d to now}, {@code +1h}
 *       is {@code now to now+1h};</li>
 *   <li>an expression on now runs to now: {@code now/d} is the day so far;</li>
 *   <li>a date without a time is that whole day, month or year: {@code 2025-04};</li>
 *   <li>any other written time runs from it to now.</li>
 * </ul>
 */
public record RangeText(String from, String to) {
    private static final Pattern TO = Pattern.compile("\\s+to\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_DURATION = Pattern.compile("([+-]?)(\\d+)(f?[smhdwMQyY])");

    /**
     * @throws TimeSyntaxException with the position in {@code text} where it stops being a range
     */
    public static RangeText parse(String text) {
        String t = text == null ? "" : text;
        Matcher m = TO.matcher(t);
        if (m.find()) {
            int fromEnd = m.start();
            int toStart = m.end();
            if (m.find()) {
                throw new TimeSyntaxException(t, m.start() + 1, "a range has one \"to\": from to to");
            }
            String from = t.substring(0, fromEnd);
            String to = t.substring(toStart);
            check(from, t, 0);
            check(to, t, toStart);
            return new RangeText(from.strip(), to.strip());
        }
        String s = t.strip();
        Matcher bare = BARE_DURATION.matcher(s);
        if (bare.matches()) {
            String d = bare.group(2) + bare.group(3);
            return "+".equals(bare.group(1)) ? new RangeText("now", "now+" + d) : new RangeText("now-" + d, "now");
        }
        TimeExpression one = check(t, t, 0);
        if (one.relative()) {
            return new RangeText(s, "now");
        }
        return one.wholePeriod() ? new RangeText(s, s) : new RangeText(s, "now");
    }

    /** True when the text holds both ends ("from to to"), not one time. */
    public static boolean holdsBothEnds(String text) {
        return text != null && TO.matcher(text).find();
    }

    private static TimeExpression check(String part, String whole, int offset) {
        try {
            return TimeExpression.parse(part);
        } catch (TimeSyntaxException e) {
            throw e.within(whole, offset);
        }
    }

    /** Grafana's way of writing a range on one line. */
    @Override
    public String toString() {
        return from + " to " + to;
    }
}

package io.vigia.dashboards.ask;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time grammar of questions, into Grafana's range syntax. Rolling: "last/past/previous N
 * hours", "the last 24h", "over the last week", "past month" ({@code now-30d}). Calendar: "today",
 * "yesterday", "this week", "since monday", "this month", and "last week"/"last month" said alone
 * (the previous ISO week or month, as a report reader means it). Deploy windows: "2 hours before
 * and after", "30 minute window".
 */
final class TimePhrases {
    private static final String NUMBER = "(\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|thirty)";
    private static final String UNIT = "(minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|months?|mo)\\b";
    private static final Pattern ROLLING = Pattern.compile(
            "\\b(?:last|past|previous|prior|recent|over|in|during|for|within)\\s+(?:the\\s+)?(?:last\\s+|past\\s+)?"
                    + NUMBER + "\\s*" + UNIT);
    private static final Pattern ROLLING_BARE_UNIT = Pattern.compile(
            "\\b(over|in|during|for|within)\\s+the\\s+(?:last|past|previous)\\s+(hour|day|week|fortnight|month)\\b"
                    + "|\\b(past|last)\\s+(hour|day|fortnight)\\b|\\bpast\\s+(week|month)\\b");
    /** "error rate payments 2h": a bare amount with a unit, read as the last that long. */
    private static final Pattern BARE = Pattern.compile("(?<![\\w.])(\\d+)\\s*(minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w)\\b");
    private static final Pattern DEPLOY_WINDOW = Pattern.compile(
            NUMBER + "\\s*" + UNIT + "\\s*(?:before and after|either side|each side|window|around)");
    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("twelve", 12), Map.entry("fourteen", 14), Map.entry("thirty", 30));

    private TimePhrases() {
    }

    /** The range a question names, if it names one. */
    static Optional<TimeWindow> range(String lower) {
        Matcher deployWindow = DEPLOY_WINDOW.matcher(lower);
        String text = deployWindow.find() ? lower.substring(0, deployWindow.start()) + lower.substring(deployWindow.end()) : lower;
        Matcher m = ROLLING.matcher(text);
        if (m.find()) {
            return Optional.of(TimeWindow.last(amount(m.group(1)) + unit(m.group(2))));
        }
        Matcher b = ROLLING_BARE_UNIT.matcher(text);
        if (b.find()) {
            String u = b.group(2) != null ? b.group(2) : b.group(4) != null ? b.group(4) : b.group(5);
            return Optional.of(TimeWindow.last(switch (u) {
                case "hour" -> "1h";
                case "day" -> "1d";
                case "week" -> "7d";
                case "fortnight" -> "14d";
                default -> "30d";
            }));
        }
        Matcher bare = BARE.matcher(text);
        if (bare.find()) {
            return Optional.of(TimeWindow.last(amount(bare.group(1)) + unit(bare.group(2))));
        }
        if (text.contains("yesterday")) {
            return Optional.of(new TimeWindow("now-1d/d", "now-1d/d"));
        }
        if (text.contains("today") || text.contains("this morning")) {
            return Optional.of(new TimeWindow("now/d", "now"));
        }
        if (text.matches("(?s).*\\b(last|previous|prior)\\s+week\\b.*")) {
            return Optional.of(new TimeWindow("now-1w/w", "now-1w/w"));
        }
        if (text.matches("(?s).*\\b(last|previous|prior)\\s+month\\b.*")) {
            return Optional.of(new TimeWindow("now-1M/M", "now-1M/M"));
        }
        if (text.matches("(?s).*\\b(this\\s+week|since\\s+monday|so\\s+far\\s+this\\s+week|week\\s+to\\s+date)\\b.*")) {
            return Optional.of(new TimeWindow("now/w", "now"));
        }
        if (text.matches("(?s).*\\b(this\\s+month|month\\s+to\\s+date)\\b.*")) {
            return Optional.of(new TimeWindow("now/M", "now"));
        }
        return Optional.empty();
    }

    /** "2 hours before and after", "30 minute window": the half-width of a deploy comparison. */
    static Optional<Duration> deployWindow(String lower) {
        Matcher m = DEPLOY_WINDOW.matcher(lower);
        if (!m.find()) {
            return Optional.empty();
        }
        int n = amount(m.group(1));
        return Optional.of(switch (unit(m.group(2))) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7L * n);
        });
    }

    /** Whether the question compares with the period before ("than last week", "week over week"). */
    static boolean comparesPeriods(String lower) {
        return lower.matches("(?s).*\\b(week over week|day over day|month over month|go up or down|went up or down)\\b.*")
                || lower.matches("(?s).*\\b(compared (to|with)|vs\\.?|versus|than)\\s+(the\\s+)?(last|previous|prior|usual|normal|"
                + "before|yesterday|a week ago|the week before|the day before)\\b.*");
    }

    private static int amount(String s) {
        Integer w = WORDS.get(s);
        return w != null ? w : Integer.parseInt(s);
    }

    private static String unit(String u) {
        if (u.startsWith("mo")) {
            return "M";
        }
        return switch (u.charAt(0)) {
            case 'm' -> "m";
            case 'h' -> "h";
            case 'd' -> "d";
            default -> "w";
        };
    }
}

package io.vigia.datasources.promql.conformance;

import io.vigia.datasources.promql.parser.Durations;
import io.vigia.persistence.series.Labels;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A start-timestamp line of a promqltest {@code load} block: {@code metric{labels}@st <offsets>},
 * which gives the sample line after it a start timestamp per sample as an offset from the sample's
 * own timestamp. Grammar from Prometheus's promql/promqltest/test.go (isSTLine, parseSTItem):
 * {@code _}, {@code _xN}, {@code <dur>}, {@code <dur>xN}, {@code <dur>+<dur>xN}, {@code <dur>-<dur>xN},
 * durations with an optional sign.
 */
record StartLine(Labels labels, List<TestScript.Point> offsets, int line) {
    private static final Pattern DURATION_PREFIX = Pattern.compile("^([+-]?)(\\d+)([a-wyzA-Z]*)");

    /** The metric part (before the first blank) ends in {@code @st}. */
    static boolean is(String def) {
        String t = def.strip();
        int sp = firstBlank(t);
        return sp > 0 && t.substring(0, sp).endsWith("@st");
    }

    static StartLine parse(String def, int line) {
        String t = def.strip();
        int sp = firstBlank(t);
        String metric = t.substring(0, sp - "@st".length());
        Labels labels = TestScript.parseLabels(metric);
        List<TestScript.Point> out = new ArrayList<>();
        for (String item : t.substring(sp).strip().split("\\s+")) {
            try {
                item(item, out);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + line + ": invalid @st item \"" + item + "\": "
                        + e.getMessage(), e);
            }
        }
        return new StartLine(labels, out, line);
    }

    /** The sample line with these start offsets; it must be the same series with as many values. */
    TestScript.SeriesLine attachTo(TestScript.SeriesLine s) {
        if (!s.labels().equals(labels)) {
            throw new IllegalArgumentException("line " + line + ": @st metric does not match the following sample line metric");
        }
        if (!s.nativeHistogram() && s.points().size() != offsets.size()) {
            throw new IllegalArgumentException("line " + line + ": @st line has " + offsets.size()
                    + " values but sample line has " + s.points().size());
        }
        return new TestScript.SeriesLine(s.labels(), s.points(), s.nativeHistogram(), offsets);
    }

    private static int firstBlank(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) == ' ' || t.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

    private static void item(String item, List<TestScript.Point> out) {
        if (item.equals("_")) {
            out.add(new TestScript.Point(true, 0));
            return;
        }
        if (item.startsWith("_x")) {
            int n = count(item.substring(2));
            if (n == 0) {
                throw new IllegalArgumentException("invalid repeat count");
            }
            for (int i = 0; i < n; i++) {
                out.add(new TestScript.Point(true, 0));
            }
            return;
        }
        Matcher base = DURATION_PREFIX.matcher(item);
        if (!base.find()) {
            throw new IllegalArgumentException("expected digits in duration");
        }
        long value = millis(base);
        String rest = item.substring(base.end());
        if (rest.isEmpty()) {
            out.add(new TestScript.Point(false, value));
            return;
        }
        long delta = 0;
        if (rest.charAt(0) == '+' || rest.charAt(0) == '-') {
            Matcher d = DURATION_PREFIX.matcher(rest);
            if (!d.find() || d.group(1).isEmpty()) {
                throw new IllegalArgumentException("invalid step duration");
            }
            delta = millis(d);
            rest = rest.substring(d.end());
        }
        if (!rest.startsWith("x")) {
            throw new IllegalArgumentException("expected 'x<count>' after duration");
        }
        int n = count(rest.substring(1));
        for (int i = 0; i <= n; i++) {
            out.add(new TestScript.Point(false, value + i * delta));
        }
    }

    private static long millis(Matcher m) {
        String text = m.group(2) + m.group(3);
        Long ms = text.chars().allMatch(Character::isDigit) && Long.parseLong(m.group(2)) == 0 ? Long.valueOf(0)
                : Durations.parseMillisOrNull(text);
        if (ms == null) {
            throw new IllegalArgumentException("invalid duration \"" + text + "\"");
        }
        return m.group(1).equals("-") ? -ms : ms;
    }

    /** A repeat count; capped so that a hostile script is refused instead of filling the heap. */
    private static int count(String s) {
        if (s.isEmpty() || !s.chars().allMatch(Character::isDigit) || s.length() > 6) {
            throw new IllegalArgumentException("invalid repeat count");
        }
        return Integer.parseInt(s);
    }
}

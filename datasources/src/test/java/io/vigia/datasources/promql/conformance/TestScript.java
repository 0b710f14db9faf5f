package io.vigia.datasources.promql.conformance;

import io.vigia.datasources.promql.parser.Durations;
import io.vigia.datasources.promql.parser.Parser;
import io.vigia.datasources.promql.ast.Expr;
import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.StaleMarker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parser for Prometheus's promqltest script language (load / clear / eval with expect lines), as
 * described in the peer suite's FORMAT.md.
 */
final class TestScript {

    /** One expanded sample; {@code omitted} for {@code _}. */
    record Point(boolean omitted, double value) {
    }

    /**
     * A series and its expanded points. {@code startOffsets} are the start timestamps of an
     * {@code @st} line before it (Prometheus 3.x promqltest), as offsets in milliseconds from each
     * sample's timestamp; empty when the series has none.
     */
    record SeriesLine(Labels labels, List<Point> points, boolean nativeHistogram, List<Point> startOffsets) {
        SeriesLine(Labels labels, List<Point> points, boolean nativeHistogram) {
            this(labels, points, nativeHistogram, List.of());
        }
    }

    sealed interface Command permits Load, Clear, Eval {
    }

    record Load(long intervalMs, List<SeriesLine> series, boolean withNhcb, int line) implements Command {
    }

    record Clear(int line) implements Command {
    }

    record Expectation(String type, String matchType, String text) {
    }

    /** An eval; for scalar results {@code scalar} is set, for string results {@code string}. */
    record Eval(int line, boolean instant, long atMs, long startMs, long endMs, long stepMs, String query,
                List<Expectation> expectations, List<SeriesLine> expected, Double scalar, String string,
                long[] rangeVector, boolean nativeHistogramOutput) implements Command {
        boolean has(String type) {
            return expectations.stream().anyMatch(e -> e.type().equals(type));
        }
    }

    private static final Pattern EVAL = Pattern.compile(
            "^(eval(?:_fail|_warn|_info|_ordered)?)\\s+(instant|range)\\s+(.*)$");
    private static final Pattern INSTANT = Pattern.compile("^at\\s+(\\S+)\\s+(.+)$");
    private static final Pattern RANGE = Pattern.compile("^from\\s+(\\S+)\\s+to\\s+(\\S+)\\s+step\\s+(\\S+)\\s+(.+)$");
    private static final Pattern RANGE_VECTOR = Pattern.compile(
            "^expect range vector\\s+(?:from\\s+)?(\\S+)\\s+to\\s+(\\S+)\\s+step\\s+(\\S+)$");

    private TestScript() {
    }

    static List<Command> parse(String text) {
        String[] raw = text.split("\n", -1);
        List<String> lines = new ArrayList<>();
        for (String l : raw) {
            String t = l.strip();
            lines.add(t.startsWith("#") ? "" : t);
        }
        List<Command> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String l = lines.get(i);
            if (l.isEmpty()) {
                i++;
                continue;
            }
            int lineNo = i + 1;
            if (l.equals("clear")) {
                out.add(new Clear(lineNo));
                i++;
                continue;
            }
            if (l.startsWith("load")) {
                String[] parts = l.split("\\s+");
                if (parts.length != 2 || !(parts[0].equals("load") || parts[0].equals("load_with_nhcb"))) {
                    throw new IllegalArgumentException("line " + lineNo + ": bad load command: " + l);
                }
                boolean nhcb = parts[0].equals("load_with_nhcb");
                long interval = parseTime(parts[1]);
                List<SeriesLine> series = new ArrayList<>();
                i++;
                StartLine pending = null;
                while (i < lines.size() && !lines.get(i).isEmpty()) {
                    String def = lines.get(i);
                    int defLine = i + 1;
                    i++;
                    if (StartLine.is(def)) {
                        if (pending != null) {
                            throw new IllegalArgumentException("line " + pending.line() + ": @st line has no following sample line");
                        }
                        pending = StartLine.parse(def, defLine);
                        continue;
                    }
                    SeriesLine s = parseSeries(def);
                    if (pending != null) {
                        series.add(pending.attachTo(s));
                        pending = null;
                    } else {
                        series.add(s);
                    }
                }
                if (pending != null) {
                    throw new IllegalArgumentException("line " + pending.line() + ": @st line has no following sample line");
                }
                out.add(new Load(interval, series, nhcb, lineNo));
                continue;
            }
            Matcher m = EVAL.matcher(l);
            if (!m.matches()) {
                throw new IllegalArgumentException("line " + lineNo + ": unknown command: " + l);
            }
            String variant = m.group(1);
            boolean instant = m.group(2).equals("instant");
            String rest = m.group(3);
            long at = 0;
            long start = 0;
            long end = 0;
            long step = 0;
            String query;
            if (instant) {
                Matcher im = INSTANT.matcher(rest);
                if (!im.matches()) {
                    throw new IllegalArgumentException("line " + lineNo + ": bad instant eval: " + l);
                }
                at = parseTime(im.group(1));
                query = im.group(2);
            } else {
                Matcher rm = RANGE.matcher(rest);
                if (!rm.matches()) {
                    throw new IllegalArgumentException("line " + lineNo + ": bad range eval: " + l);
                }
                start = parseTime(rm.group(1));
                end = parseTime(rm.group(2));
                step = parseTime(rm.group(3));
                query = rm.group(4);
            }
            List<Expectation> exps = new ArrayList<>();
            switch (variant) {
                case "eval_fail" -> exps.add(new Expectation("fail", null, null));
                case "eval_warn" -> exps.add(new Expectation("warn", null, null));
                case "eval_info" -> exps.add(new Expectation("info", null, null));
                case "eval_ordered" -> exps.add(new Expectation("ordered", null, null));
                default -> { }
            }
            List<SeriesLine> expected = new ArrayList<>();
            Double scalar = null;
            String string = null;
            long[] rangeVector = null;
            boolean nativeOut = false;
            i++;
            while (i < lines.size() && !lines.get(i).isEmpty()) {
                String e = lines.get(i);
                i++;
                if (e.startsWith("expected_fail_message")) {
                    exps.add(new Expectation("fail", "msg", e.substring("expected_fail_message".length()).strip()));
                    continue;
                }
                if (e.startsWith("expected_fail_regexp")) {
                    exps.add(new Expectation("fail", "regex", e.substring("expected_fail_regexp".length()).strip()));
                    continue;
                }
                Matcher rv = RANGE_VECTOR.matcher(e);
                if (rv.matches()) {
                    long s = parseTime(rv.group(1));
                    long en = parseTime(rv.group(2));
                    long st = parseTime(rv.group(3));
                    rangeVector = new long[] {s, en, st};
                    continue;
                }
                if (e.startsWith("expect string")) {
                    String q = e.substring("expect string".length()).strip();
                    if (!(Parser.parse(q) instanceof Expr.StringLiteral sl)) {
                        throw new IllegalArgumentException("line " + i + ": expect string needs a string literal: " + e);
                    }
                    string = sl.value();
                    continue;
                }
                if (e.startsWith("expect ")) {
                    exps.add(parseExpectation(e.substring(7).strip()));
                    continue;
                }
                if (e.contains("{{")) {
                    nativeOut = true;
                    continue;
                }
                Double num = parseNumberOrNull(e);
                if (num != null) {
                    scalar = num;
                    continue;
                }
                expected.add(parseSeries(e));
            }
            out.add(new Eval(lineNo, instant, at, start, end, step, query, exps, expected, scalar, string,
                    rangeVector, nativeOut));
        }
        return out;
    }

    private static Expectation parseExpectation(String s) {
        int sp = s.indexOf(' ');
        String type = sp < 0 ? s : s.substring(0, sp);
        String rest = sp < 0 ? "" : s.substring(sp + 1).strip();
        String matchType = null;
        String text = null;
        if (rest.startsWith("msg:")) {
            matchType = "msg";
            text = rest.substring(4).strip();
        } else if (rest.startsWith("regex:")) {
            matchType = "regex";
            text = rest.substring(6).strip();
        }
        return new Expectation(type, matchType, text);
    }

    /** A duration ({@code 5m}) or a number of seconds. */
    static long parseTime(String s) {
        Long d = Durations.parseMillisOrNull(s);
        if (d != null) {
            return d;
        }
        boolean neg = s.startsWith("-");
        if (neg) {
            Long nd = Durations.parseMillisOrNull(s.substring(1));
            if (nd != null) {
                return -nd;
            }
        }
        return Math.round(Double.parseDouble(s) * 1000);
    }

    static Double parseNumberOrNull(String s) {
        try {
            return parseValue(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static double parseValue(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        switch (l) {
            case "inf", "+inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case "nan", "+nan", "-nan" -> {
                return Double.NaN;
            }
            case "stale" -> {
                return StaleMarker.VALUE;
            }
            default -> { }
        }
        if (l.startsWith("0x") || l.startsWith("-0x") || l.startsWith("+0x")) {
            boolean neg = l.startsWith("-");
            long v = Long.parseLong(l.substring(l.indexOf('x') + 1), 16);
            return neg ? -v : v;
        }
        if (!l.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
            throw new NumberFormatException(s);
        }
        return Double.parseDouble(s);
    }

    /** {@code metric{a="b"} 1 2+3x4 _ stale}: the labels and the expanded points. */
    static SeriesLine parseSeries(String line) {
        int split = seriesEnd(line);
        String sel = line.substring(0, split).strip();
        String pts = line.substring(split).strip();
        Labels labels = parseLabels(sel);
        List<Point> points = new ArrayList<>();
        boolean nativeHist = pts.contains("{{");
        if (!nativeHist && !pts.isEmpty()) {
            for (String item : pts.split("\\s+")) {
                expand(item, points);
            }
        }
        return new SeriesLine(labels, points, nativeHist);
    }

    private static int seriesEnd(String line) {
        int brace = 0;
        boolean inStr = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inStr) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    inStr = false;
                }
                continue;
            }
            if (c == '"' || c == '\'' || c == '`') {
                inStr = true;
                quote = c;
            } else if (c == '{') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '{') {
                    return i;
                }
                brace++;
            } else if (c == '}') {
                brace--;
                if (brace == 0) {
                    return i + 1;
                }
            } else if (Character.isWhitespace(c) && brace == 0) {
                return i;
            }
        }
        return line.length();
    }

    static Labels parseLabels(String sel) {
        if (sel.replace(" ", "").equals("{}")) {
            return Labels.EMPTY;
        }
        if (!(Parser.parse(sel) instanceof Expr.VectorSelector vs)) {
            throw new IllegalArgumentException("not a series selector: " + sel);
        }
        Labels.Builder b = Labels.builder();
        for (LabelMatcher m : vs.matchers()) {
            b.set(m.name(), m.value());
        }
        return b.build();
    }

    private static final Pattern TIMES = Pattern.compile("^(.*)x(\\d+)$");

    private static void expand(String item, List<Point> out) {
        Matcher m = TIMES.matcher(item);
        String base = item;
        int times = -1;
        if (m.matches() && !m.group(1).isEmpty()) {
            base = m.group(1);
            times = Integer.parseInt(m.group(2));
        }
        if (base.equals("_")) {
            int n = times < 0 ? 1 : times;
            for (int i = 0; i < n; i++) {
                out.add(new Point(true, 0));
            }
            return;
        }
        if (times < 0) {
            out.add(new Point(false, parseValue(base)));
            return;
        }
        int k = -1;
        for (int i = 1; i < base.length(); i++) {
            char c = base.charAt(i);
            char p = base.charAt(i - 1);
            if ((c == '+' || c == '-') && p != 'e' && p != 'E') {
                k = i;
                break;
            }
        }
        if (k < 0) {
            double v = parseValue(base);
            for (int i = 0; i <= times; i++) {
                out.add(new Point(false, v));
            }
            return;
        }
        double v = parseValue(base.substring(0, k));
        double step = parseValue(base.substring(k));
        out.add(new Point(false, v));
        for (int i = 1; i <= times; i++) {
            v += step;
            out.add(new Point(false, v));
        }
    }
}

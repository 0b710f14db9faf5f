package io.vigia.datasources.ingest;

import io.vigia.persistence.series.Labels;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Prometheus text format 0.0.4 and OpenMetrics 1.0 text, line by line, into an
 * {@link ExpositionSink}, so that a backfill file of any size streams through bounded memory.
 * The syntax of each format is always checked. {@link Validation#STRICT} adds every semantic
 * rule of OpenMetrics 1.0 (it passes the OpenMetrics conformance suite);
 * {@link Validation#PROMETHEUS} reads as Prometheus 2.42's scraper and promtool do (textparse at
 * v2.42.0), down to its quirks, so that a target is up for Vigia exactly when it is up for
 * Prometheus: docs/scrape-fidelity.md lists what is measured to agree and what differs.
 *
 * <p>Written by hand: Prometheus's Java client only writes these formats (no parser exists in
 * client_java), and no maintained Java library validates OpenMetrics.
 */
public final class ExpositionParser {
    private static final int LABEL_CACHE = 4096;

    /** How much of OpenMetrics' semantics to enforce. */
    public enum Validation {
        /** Every rule of the OpenMetrics 1.0 specification. */
        STRICT,
        /** Syntax only, as Prometheus 2.42's scraper and promtool read their input. */
        PROMETHEUS
    }

    private final ExpositionFormat format;
    private final Validation validation;
    private final ExpositionSink sink;
    private ExpositionLines lines;
    private final SampleLine line = new SampleLine();
    private final OpenMetricsRules rules = new OpenMetricsRules();
    private final Map<String, String[]> textMetadata = new HashMap<>();
    /** Backfill files repeat a series on consecutive lines; its label set is built once. */
    private final Map<String, Labels> labelCache = new LinkedHashMap<>(LABEL_CACHE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Labels> eldest) {
            return size() > LABEL_CACHE;
        }
    };
    private long lineNo;
    private boolean eof;

    private ExpositionParser(ExpositionFormat format, Validation validation, ExpositionSink sink) {
        this.format = format;
        this.validation = validation;
        this.sink = sink;
    }

    /** Reads {@code in} with Prometheus's leniency (see {@link Validation#PROMETHEUS}). */
    public static void parse(Reader in, ExpositionFormat format, ExpositionSink sink) throws IOException, ExpositionParseException {
        parse(in, format, Validation.PROMETHEUS, sink);
    }

    public static void parse(Reader in, ExpositionFormat format, Validation validation, ExpositionSink sink)
            throws IOException, ExpositionParseException {
        new ExpositionParser(format, validation, sink).run(new ExpositionLines.OfChars(in));
    }

    /**
     * Reads UTF-8 bytes, e.g. a scraped body, with Prometheus's leniency; a label value or HELP
     * text that is not valid UTF-8 fails as it does in Prometheus.
     */
    public static void parse(InputStream in, ExpositionFormat format, ExpositionSink sink) throws IOException, ExpositionParseException {
        new ExpositionParser(format, Validation.PROMETHEUS, sink).run(new ExpositionLines.OfBytes(in));
    }

    public static void parse(String text, ExpositionFormat format, Validation validation, ExpositionSink sink)
            throws ExpositionParseException {
        try {
            parse(new StringReader(text), format, validation, sink);
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    private void run(ExpositionLines in) throws IOException, ExpositionParseException {
        lines = in;
        boolean om = format == ExpositionFormat.OPENMETRICS;
        String s;
        while ((s = in.next()) != null) {
            lineNo++;
            try {
                if (om) {
                    if (in.malformed()) {
                        throw error("not valid UTF-8");
                    }
                    openMetricsLine(s);
                } else if (!textLine(s, in.malformed())) {
                    break;
                }
            } catch (SampleRejectedException e) {
                throw error(e.getMessage());
            }
        }
        if (om) {
            if (!eof) {
                throw error("the input ends without \"# EOF\" (truncated?)");
            }
            if (validation == Validation.STRICT) {
                check(rules.finishFamily());
            }
        }
    }

    // ---- OpenMetrics -------------------------------------------------------------------------

    private void openMetricsLine(String s) throws ExpositionParseException {
        if (eof) {
            throw error("text after \"# EOF\"");
        }
        if (s.isEmpty()) {
            throw error("blank line (not allowed in OpenMetrics)");
        }
        if (s.charAt(0) == '#') {
            if (s.equals("# EOF")) {
                eof = true;
                return;
            }
            for (String kind : List.of("HELP", "TYPE", "UNIT")) {
                String prefix = "# " + kind + " ";
                if (s.startsWith(prefix)) {
                    int space = s.indexOf(' ', prefix.length());
                    if (space < 0) {
                        throw error("# " + kind + " needs a metric name and a " + kind.toLowerCase() + " separated by a space");
                    }
                    String name = s.substring(prefix.length(), space);
                    String text = s.substring(space + 1);
                    if (validation == Validation.STRICT) {
                        check(rules.metadata(kind, name, kind.equals("HELP") ? unescapeHelp(text) : text));
                    } else {
                        lenientMetadata(kind, name, text);
                    }
                    return;
                }
            }
            throw error("not a metadata line (OpenMetrics allows only # HELP, # TYPE, # UNIT and # EOF): \""
                    + SampleLine.abbreviate(s) + "\"");
        }
        check(line.parseOpenMetrics(s));
        boolean strict = validation == Validation.STRICT;
        double value = strict ? strictNumber(line.value) : ExpositionNumbers.parseGo(line.value);
        if (ExpositionNumbers.isInvalid(value)) {
            throw error("invalid value \"" + SampleLine.abbreviate(line.value) + "\" of " + line.name);
        }
        long millis = line.timestamp == null ? 0 : openMetricsTimestamp(line.timestamp, strict, "");
        Exemplar exemplar = null;
        if (line.hasExemplar) {
            exemplar = exemplar(strict);
        }
        if (validation == Validation.PROMETHEUS) {
            sink.sample(labels(), value, line.timestamp != null, millis, exemplar);
            return;
        }
        check(rules.familyForSample(line.name));
        Map<String, String> labelMap = new HashMap<>();
        for (int i = 0; i < line.labelNames.size(); i++) {
            labelMap.put(line.labelNames.get(i), line.labelValues.get(i));
        }
        check(rules.sample(line.name, labelMap, value, line.timestamp, millis,
                line.hasExemplar, line.exemplarNames, line.exemplarValues));
        OpenMetricsRules.Family f = rules.current();
        if (!f.announced) {
            f.announced = true;
            sink.family(f.name, f.type, f.help, f.unit);
        }
        sink.sample(labels(), value, line.timestamp != null, millis, exemplar);
    }

    /**
     * Metadata as Prometheus reads it: a known type, a valid name, a unit that ends the name;
     * order and repetition are not checked.
     */
    private void lenientMetadata(String kind, String name, String text) throws ExpositionParseException {
        if (!SampleLine.isMetricName(name)) {
            throw error("invalid metric name \"" + SampleLine.abbreviate(name) + "\" in # " + kind);
        }
        String[] meta = textMetadata.computeIfAbsent(name, k -> new String[] {null, "", ""});
        switch (kind) {
            case "HELP" -> meta[1] = unescapeHelp(text);
            case "UNIT" -> {
                if (!text.isEmpty() && !name.endsWith("_" + text)) {
                    throw error("unit " + SampleLine.abbreviate(text) + " is not a suffix of metric " + name);
                }
                meta[2] = text;
            }
            default -> {
                MetricType type = MetricType.fromOpenMetrics(text);
                if (type == null) {
                    throw error("unknown metric type \"" + SampleLine.abbreviate(text) + "\" for " + name);
                }
                meta[0] = type.name();
                sink.family(name, type, meta[1], meta[2]);
            }
        }
    }

    /** A value as OpenMetrics 1.0 writes numbers; {@link ExpositionNumbers#INVALID} otherwise. */
    private static double strictNumber(String s) {
        return ExpositionNumbers.isOpenMetricsNumber(s) ? ExpositionNumbers.parse(s) : ExpositionNumbers.INVALID;
    }

    /**
     * Strict: a decimal, converted exactly. Prometheus: what parseFloat takes but NaN and
     * infinities, times 1000 truncated (openmetricsparse.go at v2.42.0).
     */
    private long openMetricsTimestamp(String ts, boolean strict, String of) throws ExpositionParseException {
        if (strict) {
            if (!ExpositionNumbers.isDecimal(ts)) {
                throw error("invalid " + of + "timestamp \"" + SampleLine.abbreviate(ts) + "\" of " + line.name);
            }
            return ExpositionNumbers.secondsToMillis(ts);
        }
        double seconds = ExpositionNumbers.parseGo(ts);
        if (ExpositionNumbers.isInvalid(seconds) || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw error("invalid " + of + "timestamp \"" + SampleLine.abbreviate(ts) + "\" of " + line.name);
        }
        return ExpositionNumbers.goSecondsToMillis(seconds);
    }

    private Exemplar exemplar(boolean strict) throws ExpositionParseException {
        if (!strict && !line.name.endsWith("_total") && !line.name.endsWith("_bucket")) {
            // Prometheus 2.42 takes exemplars by the sample's name, whatever its family's type
            throw error("metric name " + line.name + " does not support exemplars (only *_total and *_bucket do)");
        }
        double value = strict ? strictNumber(line.exemplarValue) : ExpositionNumbers.parseGo(line.exemplarValue);
        if (ExpositionNumbers.isInvalid(value)) {
            throw error("invalid exemplar value \"" + SampleLine.abbreviate(line.exemplarValue) + "\"");
        }
        double ts = Double.NaN;
        if (line.exemplarTimestamp != null) {
            ts = openMetricsTimestamp(line.exemplarTimestamp, strict, "exemplar ") / 1000.0;
        }
        Labels.Builder b = Labels.builder();
        for (int i = 0; i < line.exemplarNames.size(); i++) {
            b.set(line.exemplarNames.get(i), line.exemplarValues.get(i));
        }
        return new Exemplar(b.build(), value, ts);
    }

    /** HELP text escapes: {@code \\} and {@code \n}; anything else stays as written. */
    private static String unescapeHelp(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(++i);
                switch (n) {
                    case '\\' -> sb.append('\\');
                    case 'n' -> sb.append('\n');
                    default -> sb.append('\\').append(n);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    // ---- text format 0.0.4 -------------------------------------------------------------------

    /** One line of the text format as promlex.l reads it; false where a NUL ends the input. */
    private boolean textLine(String s, boolean malformed) throws IOException, ExpositionParseException {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        if (i == s.length()) {
            return true;
        }
        if (s.charAt(i) == '\0') {
            return false; // promlex.l: a NUL where an entry starts is the end of the input
        }
        if (s.charAt(i) == '#') {
            TextMetadata.read(s, i + 1, malformed, this);
            return true;
        }
        String problem = line.parseText(s);
        while (problem == SampleLine.NEEDS_NEXT_LINE) {
            String next = lines.next();
            if (next == null) {
                throw error("unterminated label value at the end of the input");
            }
            lineNo++;
            malformed |= lines.malformed();
            s = s + "\n" + next;
            problem = line.parseText(s);
        }
        check(problem);
        if (malformed) {
            throw error("not valid UTF-8");
        }
        double value = ExpositionNumbers.parseGo(line.value);
        if (ExpositionNumbers.isInvalid(value)) {
            throw error("invalid value \"" + SampleLine.abbreviate(line.value) + "\" of " + line.name);
        }
        long millis = 0;
        if (line.timestamp != null) {
            try {
                millis = Long.parseLong(line.timestamp);
            } catch (NumberFormatException e) {
                throw error("timestamp " + SampleLine.abbreviate(line.timestamp) + " is out of range");
            }
        }
        sink.sample(labels(), value, line.timestamp != null, millis, null);
        return true;
    }

    /** A # HELP or # TYPE line of the text format, read by {@link TextMetadata}. */
    void onTextMetadata(String kind, String name, String text) throws ExpositionParseException {
        String[] meta = textMetadata.computeIfAbsent(name, k -> new String[] {null, ""});
        if (kind.equals("TYPE")) {
            MetricType type = MetricType.fromPrometheusText(text);
            if (type == null) {
                throw error("unknown metric type \"" + SampleLine.abbreviate(text) + "\" for " + name);
            }
            meta[0] = type.name();
            sink.family(name, type, meta[1], "");
        } else {
            meta[1] = unescapeHelp(text);
        }
    }

    // ---- shared ------------------------------------------------------------------------------

    private Labels labels() {
        Labels cached = labelCache.get(line.seriesKey);
        if (cached != null) {
            return cached;
        }
        Labels.Builder b = Labels.builder().set(Labels.METRIC_NAME, line.name);
        for (int i = 0; i < line.labelNames.size(); i++) {
            b.set(line.labelNames.get(i), line.labelValues.get(i));
        }
        Labels l = b.build();
        labelCache.put(line.seriesKey, l);
        return l;
    }

    private void check(String problem) throws ExpositionParseException {
        if (problem != null) {
            throw error(problem);
        }
    }

    ExpositionParseException error(String message) {
        return new ExpositionParseException(lineNo, message);
    }
}

package io.vigia.datasources.ingest;

import io.vigia.persistence.series.Labels;

import java.io.BufferedReader;
import java.io.IOException;
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
 * {@link Validation#PROMETHEUS} accepts what Prometheus's own scraper and promtool accept, since
 * real exporters break some of those rules (client_golang emits negative summary quantiles).
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
        /** Syntax only, as Prometheus's scraper and promtool read their input. */
        PROMETHEUS
    }

    private final ExpositionFormat format;
    private final Validation validation;
    private final ExpositionSink sink;
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
        new ExpositionParser(format, validation, sink).run(in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16));
    }

    public static void parse(String text, ExpositionFormat format, Validation validation, ExpositionSink sink)
            throws ExpositionParseException {
        try {
            parse(new StringReader(text), format, validation, sink);
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    private void run(BufferedReader in) throws IOException, ExpositionParseException {
        boolean om = format == ExpositionFormat.OPENMETRICS;
        String s;
        while ((s = in.readLine()) != null) {
            lineNo++;
            try {
                if (om) {
                    openMetricsLine(s);
                } else {
                    textLine(s);
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
        check(line.parse(s, true));
        if (!ExpositionNumbers.isOpenMetricsNumber(line.value)) {
            throw error("invalid value \"" + SampleLine.abbreviate(line.value) + "\" of " + line.name);
        }
        double value = ExpositionNumbers.parse(line.value);
        long millis = 0;
        if (line.timestamp != null) {
            if (!ExpositionNumbers.isDecimal(line.timestamp)) {
                throw error("invalid timestamp \"" + SampleLine.abbreviate(line.timestamp) + "\" of " + line.name);
            }
            millis = ExpositionNumbers.secondsToMillis(line.timestamp);
        }
        Exemplar exemplar = null;
        if (line.hasExemplar) {
            exemplar = exemplar();
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

    /** Metadata as Prometheus reads it: a known type, a valid name; order and repetition are not checked. */
    private void lenientMetadata(String kind, String name, String text) throws ExpositionParseException {
        if (!SampleLine.isMetricName(name)) {
            throw error("invalid metric name \"" + SampleLine.abbreviate(name) + "\" in # " + kind);
        }
        String[] meta = textMetadata.computeIfAbsent(name, k -> new String[] {null, "", ""});
        switch (kind) {
            case "HELP" -> meta[1] = unescapeHelp(text);
            case "UNIT" -> meta[2] = text;
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

    private Exemplar exemplar() throws ExpositionParseException {
        if (!ExpositionNumbers.isOpenMetricsNumber(line.exemplarValue)) {
            throw error("invalid exemplar value \"" + SampleLine.abbreviate(line.exemplarValue) + "\"");
        }
        double ts = Double.NaN;
        if (line.exemplarTimestamp != null) {
            if (!ExpositionNumbers.isDecimal(line.exemplarTimestamp)) {
                throw error("invalid exemplar timestamp \"" + SampleLine.abbreviate(line.exemplarTimestamp) + "\"");
            }
            ts = Double.parseDouble(line.exemplarTimestamp);
        }
        Labels.Builder b = Labels.builder();
        for (int i = 0; i < line.exemplarNames.size(); i++) {
            b.set(line.exemplarNames.get(i), line.exemplarValues.get(i));
        }
        return new Exemplar(b.build(), ExpositionNumbers.parse(line.exemplarValue), ts);
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

    private void textLine(String s) throws ExpositionParseException {
        String t = s.strip();
        if (t.isEmpty()) {
            return;
        }
        if (t.charAt(0) == '#') {
            String[] f = t.substring(1).strip().split("[ \t]+", 3);
            if (f.length >= 2 && (f[0].equals("HELP") || f[0].equals("TYPE"))) {
                if (!SampleLine.isMetricName(f[1])) {
                    throw error("invalid metric name \"" + SampleLine.abbreviate(f[1]) + "\" in # " + f[0]);
                }
                String[] meta = textMetadata.computeIfAbsent(f[1], k -> new String[] {null, ""});
                String rest = f.length > 2 ? f[2] : "";
                if (f[0].equals("TYPE")) {
                    MetricType type = MetricType.fromPrometheusText(rest);
                    if (type == null) {
                        throw error("unknown metric type \"" + SampleLine.abbreviate(rest) + "\" for " + f[1]);
                    }
                    if (meta[0] != null) {
                        throw error("repeated # TYPE for " + f[1]);
                    }
                    meta[0] = type.name();
                    sink.family(f[1], type, meta[1], "");
                } else {
                    meta[1] = unescapeHelp(rest);
                }
            }
            return; // other comments are allowed in the text format
        }
        check(line.parse(s, false));
        double value = ExpositionNumbers.parseText(line.value);
        if (ExpositionNumbers.isInvalid(value)) {
            throw error("invalid value \"" + SampleLine.abbreviate(line.value) + "\" of " + line.name);
        }
        long millis = 0;
        if (line.timestamp != null) {
            if (!ExpositionNumbers.isInteger(line.timestamp)) {
                throw error("invalid timestamp \"" + SampleLine.abbreviate(line.timestamp)
                        + "\" of " + line.name + " (the text format takes integer milliseconds)");
            }
            try {
                millis = Long.parseLong(line.timestamp);
            } catch (NumberFormatException e) {
                throw error("timestamp " + SampleLine.abbreviate(line.timestamp) + " is out of range");
            }
        }
        sink.sample(labels(), value, line.timestamp != null, millis, null);
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

    private ExpositionParseException error(String message) {
        return new ExpositionParseException(lineNo, message);
    }
}

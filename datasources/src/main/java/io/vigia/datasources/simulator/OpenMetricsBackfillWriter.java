package io.vigia.datasources.simulator;

import io.vigia.persistence.series.Labels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a simulation as the OpenMetrics backfill file {@code promtool tsdb create-blocks-from
 * openmetrics} and {@code vigia import openmetrics} read: families one after the other with their
 * TYPE/UNIT/HELP, each series' samples in time order with timestamps in seconds, {@code # EOF} at
 * the end. OpenMetrics does not let a family's samples interleave with another's, so samples are
 * held in primitive arrays until {@link #finish()}.
 */
public final class OpenMetricsBackfillWriter implements FleetSink {
    private final Writer out;
    private final SeriesBuffer series = new SeriesBuffer();

    public OpenMetricsBackfillWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void sample(Labels labels, long timestampMillis, double value) {
        series.add(labels, timestampMillis, value);
    }

    @Override
    public void finish() {
        try {
            StringBuilder line = new StringBuilder(256);
            for (FleetMetrics.Family family : FleetMetrics.FAMILIES) {
                List<Map.Entry<Labels, SeriesBuffer.Samples>> members = new ArrayList<>();
                series.forEach((labels, samples) -> {
                    if (family.owns(labels.metricName())) {
                        members.add(Map.entry(labels, samples));
                    }
                });
                if (members.isEmpty()) {
                    continue;
                }
                out.write("# TYPE " + family.name() + " " + family.type().name().toLowerCase(java.util.Locale.ROOT) + "\n");
                if (!family.unit().isEmpty()) {
                    out.write("# UNIT " + family.name() + " " + family.unit() + "\n");
                }
                out.write("# HELP " + family.name() + " " + family.help() + "\n");
                for (Map.Entry<Labels, SeriesBuffer.Samples> e : members) {
                    String prefix = seriesText(e.getKey());
                    SeriesBuffer.Samples s = e.getValue();
                    for (int i = 0; i < s.size(); i++) {
                        line.setLength(0);
                        line.append(prefix).append(' ');
                        appendValue(line, s.value(i));
                        line.append(' ');
                        appendSeconds(line, s.timestamp(i));
                        line.append('\n');
                        out.append(line);
                    }
                }
            }
            out.write("# EOF\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String seriesText(Labels labels) {
        StringBuilder b = new StringBuilder(labels.metricName()).append('{');
        boolean first = true;
        for (int i = 0; i < labels.size(); i++) {
            if (labels.name(i).equals(Labels.METRIC_NAME)) {
                continue;
            }
            if (!first) {
                b.append(',');
            }
            first = false;
            b.append(labels.name(i)).append("=\"");
            String v = labels.value(i);
            for (int k = 0; k < v.length(); k++) {
                char c = v.charAt(k);
                switch (c) {
                    case '\\' -> b.append("\\\\");
                    case '"' -> b.append("\\\"");
                    case '\n' -> b.append("\\n");
                    default -> b.append(c);
                }
            }
            b.append('"');
        }
        return b.append('}').toString();
    }

    private static void appendValue(StringBuilder b, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            b.append((long) v);
        } else {
            b.append(v);
        }
    }

    private static void appendSeconds(StringBuilder b, long millis) {
        b.append(Math.floorDiv(millis, 1000));
        long ms = Math.floorMod(millis, 1000);
        if (ms != 0) {
            b.append('.');
            if (ms < 100) {
                b.append('0');
            }
            if (ms < 10) {
                b.append('0');
            }
            b.append(ms);
        }
    }
}

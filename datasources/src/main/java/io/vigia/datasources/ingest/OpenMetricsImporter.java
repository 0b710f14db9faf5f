package io.vigia.datasources.ingest;

import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;

import java.io.IOException;
import java.io.Reader;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Imports a backfill file, the input {@code promtool tsdb create-blocks-from openmetrics} takes
 * (OpenMetrics text, every sample with its timestamp, ending in {@code # EOF}), into a series
 * store in one transaction: a file that fails half-way leaves nothing behind.
 */
public final class OpenMetricsImporter {
    private OpenMetricsImporter() {
    }

    /**
     * @param progress told the number of samples read so far, every 100,000 samples
     * @throws ExpositionParseException for a malformed file or a sample without timestamp; nothing is written then
     */
    public static ImportSummary importFrom(Reader in, SeriesWriter writer, LongConsumer progress)
            throws IOException, ExpositionParseException {
        Counting sink = new Counting(writer, progress);
        try {
            ExpositionParser.parse(in, ExpositionFormat.OPENMETRICS, sink);
            writer.commit();
        } catch (ExpositionParseException | IOException | RuntimeException e) {
            writer.rollback();
            throw e;
        }
        return new ImportSummary(sink.samples, sink.series.size(),
                sink.samples == 0 ? 0 : sink.minTime, sink.samples == 0 ? 0 : sink.maxTime);
    }

    private static final class Counting implements ExpositionSink {
        private final SeriesWriter writer;
        private final LongConsumer progress;
        private final Set<Labels> series = new HashSet<>();
        private long samples;
        private long minTime = Long.MAX_VALUE;
        private long maxTime = Long.MIN_VALUE;

        Counting(SeriesWriter writer, LongConsumer progress) {
            this.writer = writer;
            this.progress = progress;
        }

        @Override
        public void sample(Labels labels, double value, boolean hasTimestamp, long timestampMillis, Exemplar exemplar) {
            if (!hasTimestamp) {
                throw new SampleRejectedException("sample " + labels
                        + " has no timestamp; every sample of a backfill file needs one");
            }
            writer.append(labels, timestampMillis, value);
            series.add(labels);
            samples++;
            minTime = Math.min(minTime, timestampMillis);
            maxTime = Math.max(maxTime, timestampMillis);
            if (samples % 100_000 == 0) {
                progress.accept(samples);
            }
        }
    }
}

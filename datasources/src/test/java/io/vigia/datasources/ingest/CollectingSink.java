package io.vigia.datasources.ingest;

import io.vigia.persistence.series.Labels;

import java.util.ArrayList;
import java.util.List;

/** Keeps what the parser reports, for assertions. */
final class CollectingSink implements ExpositionSink {
    record Sample(Labels labels, double value, Long timestampMillis, Exemplar exemplar) {
        @Override
        public String toString() {
            return labels + " " + value + (timestampMillis == null ? "" : " @" + timestampMillis)
                    + (exemplar == null ? "" : " # " + exemplar);
        }
    }

    record Family(String name, MetricType type, String help, String unit) {
    }

    final List<Sample> samples = new ArrayList<>();
    final List<Family> families = new ArrayList<>();

    @Override
    public void family(String name, MetricType type, String help, String unit) {
        families.add(new Family(name, type, help, unit));
    }

    @Override
    public void sample(Labels labels, double value, boolean hasTimestamp, long timestampMillis, Exemplar exemplar) {
        samples.add(new Sample(labels, value, hasTimestamp ? timestampMillis : null, exemplar));
    }
}

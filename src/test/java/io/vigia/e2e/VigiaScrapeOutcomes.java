package io.vigia.e2e;

import io.vigia.datasources.scrape.ScrapeTarget;
import io.vigia.datasources.scrape.Scraper;
import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.SeriesData;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.series.StaleMarker;
import io.vigia.persistence.workspace.Workspace;
import okhttp3.OkHttpClient;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Scrapes inputs with Vigia's {@link Scraper} into a workspace, and reads back what it stored per job. */
final class VigiaScrapeOutcomes {
    private VigiaScrapeOutcomes() {
    }

    /** Scrapes each input twice (a second scrape is when Prometheus's scrape cache and staleness come in). */
    static void scrape(Path workspace, ExpositionHttpServer server, List<ExpositionInput> inputs) {
        OkHttpClient http = new OkHttpClient();
        try (Workspace ws = Workspace.open(workspace); SqliteSeriesStore store = new SqliteSeriesStore(ws);
             SeriesWriter writer = store.writer()) {
            List<Scraper> scrapers = new ArrayList<>();
            for (ExpositionInput input : inputs) {
                scrapers.add(new Scraper(new ScrapeTarget(input.name(), URI.create(server.url(input)),
                        Duration.ofSeconds(1), Duration.ofSeconds(1)), http, writer, Clock.systemUTC()));
            }
            // round by round, so that a target's two scrapes are never within the same millisecond
            for (int round = 0; round < 2; round++) {
                for (Scraper scraper : scrapers) {
                    try {
                        scraper.scrape();
                    } catch (RuntimeException e) {
                        // as ScrapeLoop does: a scrape that cannot be stored is lost, the next one tries again
                        LoggerFactory.getLogger(VigiaScrapeOutcomes.class).warn("scrape of {} not stored", scraper.target().job(), e);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Vigia's scrape into " + workspace + " failed", e);
        }
    }

    /** The outcome of one job from the samples in {@code [fromMillis, toMillis]} of the workspace. */
    static ScrapeOutcome read(SqliteSeriesStore store, String job, long fromMillis, long toMillis) {
        List<ScrapeOutcome.StoredSeries> series = new ArrayList<>();
        for (SeriesData d : store.select(List.of(LabelMatcher.equal("job", job)), fromMillis, toMillis)) {
            SortedMap<String, String> labels = new TreeMap<>(d.labels().toMap());
            int n = 0;
            long[] ts = new long[d.size()];
            double[] vs = new double[d.size()];
            for (int i = 0; i < d.size(); i++) {
                if (!StaleMarker.isStale(d.values()[i])) {
                    ts[n] = d.timestamps()[i];
                    vs[n++] = d.values()[i];
                }
            }
            series.add(new ScrapeOutcome.StoredSeries(labels, java.util.Arrays.copyOf(ts, n), java.util.Arrays.copyOf(vs, n)));
        }
        return ScrapeOutcome.of(series);
    }
}

package io.vigia.persistence.series;

import io.vigia.persistence.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteSeriesStoreTest {
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private static Labels req(String job, String code) {
        return Labels.of("__name__", "http_requests_total", "job", job, "code", code);
    }

    @Test
    void writesReadBackByMatchersAcrossAReopen() {
        Path file = dir.resolve("ws.vigia");
        try (Workspace ws = Workspace.open(file); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            try (SeriesWriter w = store.writer()) {
                for (int i = 0; i < 1000; i++) {
                    w.append(req("api", "200"), T0 + i * 15_000L, i);
                    w.append(req("api", "500"), T0 + i * 15_000L, i / 10.0);
                    w.append(req("web", "200"), T0 + i * 15_000L, 2 * i);
                }
            }
            assertThat(store.seriesCount()).isEqualTo(3);
        }
        try (Workspace ws = Workspace.open(file); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            List<SeriesData> api = store.select(List.of(LabelMatcher.equal("__name__", "http_requests_total"),
                    LabelMatcher.equal("job", "api")), T0, T0 + 999 * 15_000L);
            assertThat(api).extracting(d -> d.labels().get("code")).containsExactly("200", "500");
            assertThat(api.getFirst().timestamps()).hasSize(1000).startsWith(T0);
            assertThat(api.getFirst().values()[999]).isEqualTo(999.0);

            List<SeriesData> window = store.select(List.of(LabelMatcher.regex("job", "w.b"),
                    LabelMatcher.notEqual("code", "500")), T0 + 15_000L, T0 + 45_000L);
            assertThat(window).singleElement().satisfies(d -> {
                assertThat(d.timestamps()).containsExactly(T0 + 15_000L, T0 + 30_000L, T0 + 45_000L);
                assertThat(d.values()).containsExactly(2.0, 4.0, 6.0);
            });
            assertThat(store.select(List.of(LabelMatcher.notRegex("code", "2..")), T0, T0 + 1)).hasSize(1);
            assertThat(store.labelValues("job", List.of())).containsExactly("api", "web");
            assertThat(store.labelNames(List.of(LabelMatcher.equal("job", "web")))).containsExactly("__name__", "code", "job");
        }
    }

    @Test
    void matchersThatAcceptTheEmptyStringMatchSeriesWithoutTheLabel() {
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            try (SeriesWriter w = store.writer()) {
                w.append(Labels.of("__name__", "up", "job", "a"), T0, 1);
                w.append(Labels.of("__name__", "up", "job", "b", "env", "prod"), T0, 1);
            }
            assertThat(store.series(List.of(LabelMatcher.equal("__name__", "up"), LabelMatcher.equal("env", ""))))
                    .extracting(l -> l.get("job")).containsExactly("a");
            assertThat(store.series(List.of(LabelMatcher.equal("__name__", "up"), LabelMatcher.regex("env", "prod|"))))
                    .hasSize(2);
            assertThat(store.series(List.of(LabelMatcher.equal("__name__", "up"), LabelMatcher.notEqual("env", "prod"))))
                    .extracting(l -> l.get("job")).containsExactly("a");
        }
    }

    @Test
    void manySmallCommitsEndInTheSameFullChunksAsOneImport() throws Exception {
        int n = 1_500; // noisy values: about three chunks
        long[] ts = new long[n];
        double[] vs = new double[n];
        java.util.Random r = new java.util.Random(5);
        double v = 0;
        for (int i = 0; i < n; i++) {
            ts[i] = T0 + i * 15_000L;
            v += r.nextDouble();
            vs[i] = v;
        }
        Labels g = Labels.of("__name__", "g");
        List<String> expected = XorChunk.encodeCut(ts, vs, 0, n).stream()
                .map(c -> c.minT() + "/" + c.samples() + "/" + c.data().length).toList();
        assertThat(expected).hasSizeGreaterThan(2);
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            SeriesWriter w = store.writer();
            for (int i = 0; i < n; i++) {
                w.append(g, ts[i], vs[i]);
                if (i % 3 == 2) {
                    w.commit(); // as a scrape every 45 s would
                }
            }
            w.close();
            List<String> stored = ws.read(c -> {
                List<String> rows = new java.util.ArrayList<>();
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT min_t, samples, length(data) FROM chunks ORDER BY min_t")) {
                    while (rs.next()) {
                        rows.add(rs.getLong(1) + "/" + rs.getInt(2) + "/" + rs.getInt(3));
                    }
                }
                return rows;
            });
            assertThat(stored).isEqualTo(expected);
            SeriesData d = store.select(List.of(LabelMatcher.equal("__name__", "g")), T0, Long.MAX_VALUE).getFirst();
            assertThat(d.timestamps()).isEqualTo(ts);
            assertThat(d.values()).isEqualTo(vs);
        }
    }

    @Test
    void noisyChunksStayInTheirLeafPagesWithoutOverflowPages() {
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            java.util.Random r = new java.util.Random(9);
            try (SeriesWriter w = store.writer()) {
                double[] v = new double[50];
                for (int i = 0; i < 2_000; i++) {
                    for (int s = 0; s < v.length; s++) { // series interleaved in time, as a scrape writes them
                        v[s] += r.nextDouble() * 15;
                        w.append(Labels.of("__name__", "noisy_total", "i", Integer.toString(s)), T0 + i * 15_000L, v[s]);
                    }
                }
            }
            long[] pages = ws.read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT sum(pagetype = 'overflow'), sum(pagetype = 'leaf'), sum(pgsize - unused), sum(pgsize)"
                                + " FROM dbstat WHERE name = 'chunks'")) {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
                }
            });
            assertThat(pages[0]).as("overflow pages").isZero();
            assertThat(pages[1]).as("leaf pages").isGreaterThan(100);
            assertThat(pages[2] / (double) pages[3]).as("share of the table's pages in use").isGreaterThan(0.95);
        }
    }

    @Test
    void reimportingTheSameSamplesAddsNothingAndConflictsAreRefused() {
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            Labels l = Labels.of("__name__", "x");
            for (int round = 0; round < 3; round++) {
                try (SeriesWriter w = store.writer()) {
                    for (int i = 0; i < 300; i++) {
                        w.append(l, T0 + i * 1000L, i);
                    }
                }
            }
            assertThat(store.select(List.of(LabelMatcher.equal("__name__", "x")), 0, Long.MAX_VALUE).getFirst().size()).isEqualTo(300);
            SeriesWriter w = store.writer();
            w.append(l, T0 + 299_000L, -1);
            assertThatThrownBy(w::commit).hasMessageContaining("a different value");
            w.close();
            assertThat(store.select(List.of(LabelMatcher.equal("__name__", "x")), 0, Long.MAX_VALUE).getFirst().values()[299])
                    .isEqualTo(299.0);
        }
    }

    @Test
    void olderHistoryIsMergedBehindNewerData() {
        Labels l = Labels.of("__name__", "h");
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            try (SeriesWriter w = store.writer()) {
                for (int i = 500; i < 1000; i++) {
                    w.append(l, T0 + i * 1000L, i);
                }
            }
            try (SeriesWriter w = store.writer()) {
                for (int i = 0; i < 20_000; i++) { // older samples, interleaved gaps, and a repeat of stored ones
                    int k = i % 1000;
                    if (k % 2 == 0 || k >= 500) {
                        w.append(l, T0 + k * 1000L, k);
                    }
                }
            }
            SeriesData d = store.select(List.of(LabelMatcher.equal("__name__", "h")), 0, Long.MAX_VALUE).getFirst();
            assertThat(d.size()).isEqualTo(750);
            for (int i = 1; i < d.size(); i++) {
                assertThat(d.timestamps()[i]).isGreaterThan(d.timestamps()[i - 1]);
                assertThat(d.values()[i]).isEqualTo((d.timestamps()[i] - T0) / 1000.0);
            }
            try (SeriesWriter w = store.writer()) {
                w.append(l, T0 + 1000 * 1000L, 1000); // and appending at the end still works
            }
            assertThat(store.select(List.of(LabelMatcher.equal("__name__", "h")), 0, Long.MAX_VALUE).getFirst().size()).isEqualTo(751);
            assertThat(ws.integrityCheck()).isEqualTo("ok");
        }
    }

    @Test
    void rollbackLeavesNothingBehind() {
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            SeriesWriter w = store.writer();
            for (int i = 0; i < 1000; i++) {
                w.append(Labels.of("__name__", "y", "i", Integer.toString(i % 10)), T0 + i, i);
            }
            w.rollback();
            w.close();
            assertThat(store.seriesCount()).isZero();
            assertThat(store.select(List.of(LabelMatcher.equal("__name__", "y")), 0, Long.MAX_VALUE)).isEmpty();
        }
    }

    @Test
    void retentionAndDeletionByMatchers() {
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            try (SeriesWriter w = store.writer()) {
                for (int i = 0; i < 1000; i++) {
                    w.append(req("api", "200"), T0 + i * 1000L, i);
                    w.append(req("web", "200"), T0 + i * 1000L, i);
                }
            }
            assertThat(store.deleteOlderThan(T0 + 500_000L)).isEqualTo(1000);
            SeriesData api = store.select(List.of(LabelMatcher.equal("job", "api")), 0, Long.MAX_VALUE).getFirst();
            assertThat(api.timestamps()).hasSize(500).startsWith(T0 + 500_000L);
            assertThat(store.delete(List.of(LabelMatcher.equal("job", "web")), Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(500);
            assertThat(store.seriesCount()).isEqualTo(1);
            assertThat(store.labelValues("job", List.of())).containsExactly("api");
        }
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            assertThat(store.seriesCount()).isEqualTo(1);
            assertThat(ws.integrityCheck()).isEqualTo("ok");
        }
    }

    @Test
    void labelValuesWithAnyCharacterSurvive() {
        Labels odd = Labels.of("__name__", "prompt_blocked_total", "text", "a\0b\\c \"<script>\" \u202e");
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            try (SeriesWriter w = store.writer()) {
                w.append(odd, T0, 1);
            }
        }
        try (Workspace ws = Workspace.open(dir.resolve("ws.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws)) {
            assertThat(store.series(List.of(LabelMatcher.equal("__name__", "prompt_blocked_total")))).containsExactly(odd);
        }
    }
}

package io.vigia.datasources.promql.conformance;

import io.vigia.datasources.promql.InMemorySeriesReader;
import io.vigia.datasources.promql.ast.Expr;
import io.vigia.datasources.promql.parser.Parser;
import io.vigia.persistence.series.Labels;
import io.vigia.testsupport.SharedCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs Prometheus's PromQL conformance scripts against the embedded engine, one dynamic test per
 * eval, with every feature on as Prometheus's own test engine has them: the main suite
 * ({@code ../shared/peer-tests/promql} and any {@code -Dvigia.promqltest.dir}), and of
 * {@code ../shared/peer-tests/promql-next} (scripts for Prometheus 3.x's newer features) the files
 * on {@value #NEXT_ALLOWLIST}: a file not on it is not run, a file on it that fails fails the build.
 * A script this harness cannot read fails as one case of its own, naming the reason; the other
 * scripts still run.
 */
class PromqlConformanceTest {
    private static final Logger LOG = LoggerFactory.getLogger(PromqlConformanceTest.class);
    static final String NEXT_ALLOWLIST = "promql-next-allowlist.txt";

    private static final ConformanceSummary SUMMARY = new ConformanceSummary();

    @TestFactory
    Stream<DynamicNode> scripts() throws IOException {
        List<Path> files = new ArrayList<>();
        String extra = System.getProperty("vigia.promqltest.dir");
        boolean extraGiven = extra != null && !extra.isBlank();
        if (extraGiven) {
            collect(Path.of(extra), files);
            if (files.isEmpty()) { // a typo in the folder must not pass as "nothing to run"
                throw new IllegalStateException("-Dvigia.promqltest.dir=" + extra + " holds no *.test script");
            }
        }
        Path peers = SharedCorpus.path("peer-tests", "promql");
        if (Files.isDirectory(peers)) {
            collect(peers, files);
        } else if (!extraGiven) {
            SharedCorpus.assume("peer-tests/promql"); // skips (or fails under CI) saying what is missing
        }
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path f : files) {
            nodes.add(fileNode(SUMMARY, "promql", f));
        }
        return nodes.stream();
    }

    /** The allow-listed scripts of peer-tests/promql-next. */
    @TestFactory
    Stream<DynamicNode> nextScripts() throws IOException {
        SharedCorpus.assume("peer-tests/promql-next");
        Path dir = SharedCorpus.path("peer-tests", "promql-next");
        List<DynamicNode> nodes = new ArrayList<>();
        for (String name : allowList()) {
            Path f = dir.resolve(name);
            if (!Files.isRegularFile(f)) {
                nodes.add(DynamicTest.dynamicTest(name, () -> {
                    throw new AssertionError(name + " is on " + NEXT_ALLOWLIST + " but not in " + dir);
                }));
                continue;
            }
            nodes.add(fileNode(SUMMARY, "promql-next", f));
        }
        return nodes.stream();
    }

    /** The file names on the allow-list (blank lines and # comments ignored). */
    static List<String> allowList() throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = PromqlConformanceTest.class.getResourceAsStream(NEXT_ALLOWLIST)) {
            if (in == null) {
                throw new IllegalStateException(NEXT_ALLOWLIST + " is missing from the test resources");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String t = line.contains("#") ? line.substring(0, line.indexOf('#')).strip() : line.strip();
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private static void collect(Path dir, List<Path> out) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.toString().endsWith(".test")).sorted().forEach(out::add);
        }
    }

    /** The cases of one script, or, for a script this harness cannot read, one failing case saying why. */
    static DynamicNode fileNode(ConformanceSummary summary, String folder, Path file) throws IOException {
        String name = file.getFileName().toString();
        ConformanceSummary.FileCounts counts = summary.file(folder, name);
        List<TestScript.Command> cmds;
        try {
            cmds = TestScript.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (RuntimeException ex) {
            // One script in a syntax this harness does not know fails alone, with the reason.
            String reason = "cannot read " + file + ": " + ex;
            return DynamicTest.dynamicTest(name + " (unreadable)", () -> {
                counts.fail(reason);
                throw new AssertionError(reason, ex);
            });
        }
        List<DynamicTest> tests = new ArrayList<>();
        List<TestScript.Load> active = new ArrayList<>();
        Set<Labels> histogramNames = new HashSet<>();
        for (TestScript.Command c : cmds) {
            switch (c) {
                case TestScript.Clear cl -> {
                    active = new ArrayList<>();
                    histogramNames = new HashSet<>();
                }
                case TestScript.Load l -> {
                    active = new ArrayList<>(active);
                    active.add(l);
                    histogramNames = new HashSet<>(histogramNames);
                    for (TestScript.SeriesLine s : l.series()) {
                        String metric = s.labels().metricName();
                        if (s.nativeHistogram()) {
                            histogramNames.add(s.labels());
                        }
                        if (l.withNhcb() && metric.endsWith("_bucket")) {
                            histogramNames.add(s.labels().toBuilder().remove("le")
                                    .set(Labels.METRIC_NAME, metric.substring(0, metric.length() - "_bucket".length()))
                                    .build());
                        }
                    }
                }
                case TestScript.Eval e -> {
                    List<TestScript.Load> loads = active;
                    Set<Labels> hist = histogramNames;
                    String display = name + ":" + e.line() + " " + e.query();
                    tests.add(DynamicTest.dynamicTest(display, () -> runCase(counts, loads, hist, e)));
                }
            }
        }
        return DynamicContainer.dynamicContainer(folder + "/" + name, tests);
    }

    private static final Map<List<TestScript.Load>, InMemorySeriesReader> STORES = new HashMap<>();

    private static InMemorySeriesReader store(List<TestScript.Load> loads) {
        return STORES.computeIfAbsent(loads, ls -> {
            InMemorySeriesReader r = new InMemorySeriesReader();
            for (TestScript.Load l : ls) {
                for (TestScript.SeriesLine s : l.series()) {
                    if (s.nativeHistogram()) {
                        continue;
                    }
                    List<TestScript.Point> pts = s.points();
                    List<TestScript.Point> starts = s.startOffsets();
                    for (int i = 0; i < pts.size(); i++) {
                        if (!pts.get(i).omitted()) {
                            long t = i * l.intervalMs();
                            // As promqltest's loadCmd.set: an @st offset is relative to the sample's time.
                            long st = starts.isEmpty() || starts.get(i).omitted() ? 0 : t + (long) starts.get(i).value();
                            r.append(s.labels(), t, pts.get(i).value(), st);
                        }
                    }
                }
            }
            return r;
        });
    }

    static String skipReason(TestScript.Eval e, Set<Labels> histogramSeries) {
        if (e.nativeHistogramOutput() || e.expected().stream().anyMatch(TestScript.SeriesLine::nativeHistogram)) {
            return "native histograms in expected output (out of scope)";
        }
        if (!histogramSeries.isEmpty()) {
            Expr ast;
            try {
                ast = Parser.parse(e.query(), EvalCheck.FEATURES);
            } catch (RuntimeException ex) {
                return null;
            }
            List<Expr.VectorSelector> selectors = new ArrayList<>();
            selectors(ast, selectors);
            for (Expr.VectorSelector vs : selectors) {
                for (Labels h : histogramSeries) {
                    if (vs.matchers().stream().allMatch(m -> m.matches(h))) {
                        return "selector " + vs.matchers() + " reads native histogram series " + h + " (out of scope)";
                    }
                }
            }
        }
        return null;
    }

    private static void selectors(Expr e, List<Expr.VectorSelector> out) {
        switch (e) {
            case Expr.VectorSelector vs -> out.add(vs);
            case Expr.MatrixSelector ms -> out.add(ms.selector());
            case Expr.Subquery sq -> selectors(sq.expr(), out);
            case Expr.Paren p -> selectors(p.expr(), out);
            case Expr.Unary u -> selectors(u.expr(), out);
            case Expr.Binary b -> {
                selectors(b.lhs(), out);
                selectors(b.rhs(), out);
            }
            case Expr.Call c -> c.args().forEach(a -> selectors(a, out));
            case Expr.Aggregate a -> {
                selectors(a.expr(), out);
                if (a.param() != null) {
                    selectors(a.param(), out);
                }
            }
            default -> { }
        }
    }

    private static void runCase(ConformanceSummary.FileCounts counts, List<TestScript.Load> loads, Set<Labels> hist,
                                TestScript.Eval e) {
        String reason = skipReason(e, hist);
        if (reason != null) {
            counts.skip("line " + e.line() + ": " + e.query() + " -- " + reason);
            throw new TestAbortedException(reason);
        }
        try {
            EvalCheck.check(store(loads), e);
            counts.pass();
        } catch (AssertionError | RuntimeException ex) {
            counts.fail("line " + e.line() + ": " + e.query() + " -- " + ex.getMessage());
            throw ex;
        }
    }

    @AfterAll
    static void writeSummary() {
        for (String line : SUMMARY.write(Path.of("target", "promqltest-summary.json"))) {
            LOG.info(line);
            System.out.println(line);
        }
    }
}

package io.vigia.dashboards.report.write;

import io.vigia.persistence.files.OwnerOnlyFiles;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.vigia.dashboards.chart.surface.ChartExport;
import io.vigia.dashboards.report.KpiTest;
import io.vigia.dashboards.report.Report;
import io.vigia.dashboards.report.ReportRedaction;
import io.vigia.dashboards.report.ValueFormat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one self-contained HTML file: styles inline, charts as inline SVG, no script and
 * no external request (a Content-Security-Policy of {@code default-src 'none'} says so to the
 * browser too). Pebble renders it with autoescaping on, so every telemetry string in it is text,
 * never markup. The one value marked {@code raw} is a chart's SVG, which {@link
 * io.vigia.dashboards.chart.surface.SvgSurface} built with every string XML-escaped.
 */
public final class HtmlReportWriter {
    private static final String TEMPLATE = "io/vigia/dashboards/report/write/report.html.peb";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ROOT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final PebbleTemplate template;

    public HtmlReportWriter() {
        ClasspathLoader loader = new ClasspathLoader(HtmlReportWriter.class.getClassLoader());
        PebbleEngine engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true).defaultEscapingStrategy("html")
                .strictVariables(true).cacheActive(false).build();
        this.template = engine.getTemplate(TEMPLATE);
    }

    public void write(Report report, Path file) throws IOException {
        OwnerOnlyFiles.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = OwnerOnlyFiles.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(report, w);
        }
    }

    public String render(Report report) throws IOException {
        StringWriter w = new StringWriter();
        write(report, w);
        return w.toString();
    }

    public void write(Report report, Writer out) throws IOException {
        Report r = ReportRedaction.apply(report);
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("title", r.title());
        ctx.put("uid", r.dashboardUid());
        ctx.put("week", r.week().toString());
        ctx.put("period", DAY.format(r.from().atZone(r.zone())) + " to " + DAY.format(r.to().atZone(r.zone()).minusDays(1)));
        ctx.put("zone", r.zone().getId());
        ctx.put("generated", STAMP.format(r.generatedAt()));
        ctx.put("noData", r.noData());
        ctx.put("partial", r.partial());
        ctx.put("problemCount", r.problems().size());
        ctx.put("summary", r.summary());
        ctx.put("problems", r.problems());
        List<Map<String, Object>> kpis = new ArrayList<>();
        for (Report.Kpi k : r.kpis()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", k.title());
            m.put("value", ValueFormat.format(k.current(), k.unit()));
            m.put("previous", ValueFormat.format(k.previous(), k.unit()));
            m.put("change", ValueFormat.format(k.change(), ValueFormat.CHANGE));
            m.put("tone", switch (k.tone()) {
                case GOOD -> "good";
                case BAD -> "bad";
                case PLAIN -> "";
            });
            m.put("test", k.test() == null ? "" : k.test().summary(k.unit()));
            m.put("source", k.source());
            kpis.add(m);
        }
        ctx.put("kpis", kpis);
        ctx.put("kpiTestNote", KpiTest.NOTE);
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Report.Section s : r.sections()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", s.title());
            switch (s) {
                case Report.Heading h -> m.put("kind", "heading");
                case Report.Text t -> {
                    m.put("kind", "text");
                    m.put("text", t.text());
                }
                case Report.Chart c -> {
                    m.put("kind", c.emptyWithReason() ? "empty" : "chart");
                    m.put("source", c.source());
                    m.put("svg", c.emptyWithReason() ? "" : inlineSvg(ChartExport.svg(ReportCharts.WIDTH, ReportCharts.height(c), surface -> ReportCharts.paint(surface, c, r))));
                }
                case Report.Table t -> {
                    m.put("kind", "table");
                    m.put("note", t.note());
                    List<Map<String, Object>> columns = new ArrayList<>();
                    for (int j = 0; j < t.columns().size(); j++) {
                        columns.add(Map.of("name", t.columns().get(j), "numeric", !t.units().get(j).isEmpty()));
                    }
                    m.put("columns", columns);
                    List<List<Map<String, Object>>> rows = new ArrayList<>();
                    for (int i = 0; i < t.rows().size(); i++) {
                        List<Map<String, Object>> row = new ArrayList<>();
                        for (int j = 0; j < t.columns().size(); j++) {
                            row.add(Map.of("text", t.display(i, j), "numeric", !t.units().get(j).isEmpty()));
                        }
                        rows.add(row);
                    }
                    m.put("rows", rows);
                }
                case Report.Missing x -> {
                    m.put("kind", "missing");
                    m.put("text", x.reason());
                }
            }
            sections.add(m);
        }
        ctx.put("sections", sections);
        template.evaluate(out, ctx, Locale.ROOT);
    }

    /**
     * The SVG document as an element of the HTML page: the XML namespace declarations go (HTML
     * parsers put {@code <svg>} in its namespace by themselves), so the file names no URL at all.
     */
    static String inlineSvg(String svg) {
        return svg.replace(" xmlns=\"http://www.w3.org/2000/svg\"", "")
                .replace(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "")
                .replace(" role=\"img\"", "");
    }
}

package io.vigia.dashboards.report;

import io.vigia.dashboards.chart.render.Annotation;
import io.vigia.datasources.redact.Redactor;

import java.util.ArrayList;
import java.util.List;

/**
 * Every string of a report passed through the {@link Redactor} before it is exported: series
 * names, table cells and annotation texts are telemetry (a prompt, a user name, a token that
 * leaked into a label), and a report leaves the machine. Numbers are untouched.
 */
public final class ReportRedaction {
    // an instance label is a host, not a person: addresses stay readable in reports
    private static final Redactor REDACTOR = Redactor.keepingAddresses();

    private ReportRedaction() {
    }

    public static Report apply(Report r) {
        List<Report.Kpi> kpis = r.kpis().stream().map(k -> new Report.Kpi(s(k.title()), k.unit(), k.current(), k.previous(),
                k.fieldConfig(), k.direction(), k.test(), s(k.source()))).toList();
        List<Report.Section> sections = new ArrayList<>();
        for (Report.Section section : r.sections()) {
            sections.add(switch (section) {
                case Report.Heading h -> new Report.Heading(s(h.title()));
                case Report.Text t -> new Report.Text(s(t.title()), s(t.text()));
                case Report.Chart c -> new Report.Chart(s(c.title()), c.type(), c.fieldConfig(),
                        c.series().stream().map(cs -> new Report.ChartSeries(s(cs.name()), cs.refId(), cs.timestamps(), cs.values())).toList(),
                        c.stacked(), c.panel(), c.annotations().stream()
                        .map(a -> new Annotation(a.ts(), a.endTs(), s(a.text()), a.color())).toList(), s(c.source()));
                case Report.Table t -> new Report.Table(s(t.title()), t.columns().stream().map(ReportRedaction::s).toList(), t.units(),
                        t.rows().stream().map(row -> row.stream().map(ReportRedaction::s).toList()).toList(), s(t.note()));
                case Report.Missing m -> new Report.Missing(s(m.title()), s(m.reason()));
            });
        }
        return new Report(s(r.title()), r.dashboardUid(), r.week(), r.zone(), r.from(), r.to(), r.generatedAt(), kpis, sections,
                r.summary().stream().map(ReportRedaction::s).toList(), r.partial(), r.noData(),
                r.problems().stream().map(ReportRedaction::s).toList());
    }

    static String s(String text) {
        return text == null ? null : REDACTOR.redact(text).text();
    }
}

package io.vigia.dashboards.report;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.axis.Unit;
import io.vigia.dashboards.chart.data.StatData;
import io.vigia.dashboards.chart.render.StatOptions;
import io.vigia.dashboards.chart.render.StatRenderer;
import io.vigia.dashboards.chart.surface.ChartExport;
import io.vigia.dashboards.grafana.GrafanaExporter;
import io.vigia.dashboards.grafana.GrafanaImporter;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.KpiDirection;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.report.write.HtmlReportWriter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A KPI's change is coloured by its direction, in the dashboard's stat and in the report, and a neutral one is not. */
class KpiDirectionTest {

    @Test
    void aRiseIsGoodOnlyWhereHigherIsBetterAndNeutralIsNeverColoured() {
        assertThat(KpiDirection.HIGHER_IS_BETTER.tone(0.2)).isEqualTo(KpiDirection.Tone.GOOD);
        assertThat(KpiDirection.LOWER_IS_BETTER.tone(0.2)).isEqualTo(KpiDirection.Tone.BAD);
        assertThat(KpiDirection.LOWER_IS_BETTER.tone(-0.2)).isEqualTo(KpiDirection.Tone.GOOD);
        assertThat(KpiDirection.NEUTRAL.tone(12.49)).isEqualTo(KpiDirection.Tone.PLAIN);
        assertThat(KpiDirection.HIGHER_IS_BETTER.tone(Double.NaN)).isEqualTo(KpiDirection.Tone.PLAIN);
        assertThat(KpiDirection.HIGHER_IS_BETTER.tone(0.01, Report.Kpi.NOTABLE)).isEqualTo(KpiDirection.Tone.PLAIN);
    }

    @Test
    void everyBuiltInStatDeclaresItsDirection() {
        Map<String, KpiDirection> stats = BuiltInDashboards.all().stream().flatMap(d -> d.allPanels().stream())
                .filter(p -> p.type() == PanelType.STAT)
                .collect(Collectors.toMap(Panel::title, p -> p.options().stat().direction(), (a, b) -> a));
        assertThat(stats).containsEntry("Acceptance rate", KpiDirection.HIGHER_IS_BETTER)
                .containsEntry("SAST-flagged per 1,000 accepted", KpiDirection.LOWER_IS_BETTER)
                .containsEntry("Reverted share of accepted", KpiDirection.LOWER_IS_BETTER)
                .containsEntry("Prompts blocked", KpiDirection.NEUTRAL);
    }

    @Test
    void theWeeklyReportColoursARiseOfABadNumberAsBadAndLeavesNeutralOnesPlain() throws IOException {
        Report r = report(List.of(
                new Report.Kpi("SAST-flagged per 1,000 accepted", "short", 31.8, 20, FieldConfig.DEFAULT, KpiDirection.LOWER_IS_BETTER),
                new Report.Kpi("Prompts blocked", "short", 1349, 100, FieldConfig.DEFAULT, KpiDirection.NEUTRAL),
                new Report.Kpi("Acceptance rate", "percentunit", 0.24, 0.30, FieldConfig.DEFAULT, KpiDirection.HIGHER_IS_BETTER)));
        String html = new HtmlReportWriter().render(r);
        assertThat(html).contains("<div class=\"delta bad\">+59%")
                .contains("<div class=\"delta \">+1249%")
                .contains("<div class=\"delta bad\">-20%");
        assertThat(r.kpis()).extracting(Report.Kpi::tone)
                .containsExactly(KpiDirection.Tone.BAD, KpiDirection.Tone.PLAIN, KpiDirection.Tone.BAD);
    }

    @Test
    void aStatTileShowsAFallOfALowerIsBetterNumberInTheOkColour() {
        ChartTheme theme = ChartTheme.light();
        StatData fell = new StatData("p95", 0.2, 0.3, null);
        String lower = ChartExport.svg(200, 100, s -> StatRenderer.render(s, fell,
                new StatOptions(Unit.SECONDS, List.of(), KpiDirection.LOWER_IS_BETTER, null), theme));
        String neutral = ChartExport.svg(200, 100, s -> StatRenderer.render(s, fell,
                new StatOptions(Unit.SECONDS, List.of(), KpiDirection.NEUTRAL, null), theme));
        assertThat(lower).contains("fill=\"" + theme.ok().toHex() + "\"").doesNotContain("fill=\"" + theme.critical().toHex() + "\"");
        assertThat(neutral).doesNotContain("fill=\"" + theme.ok().toHex() + "\"")
                .doesNotContain("fill=\"" + theme.critical().toHex() + "\"");
    }

    @Test
    void grafanaImportMapsThePercentChangeColourModeElseNeutralAndExportKeepsIt() {
        String json = """
                {"title": "T", "panels": [
                  {"id": 1, "type": "stat", "title": "Errors", "gridPos": {"x": 0, "y": 0, "w": 4, "h": 4},
                   "options": {"showPercentChange": true, "percentChangeColorMode": "inverted"}},
                  {"id": 2, "type": "stat", "title": "Requests", "gridPos": {"x": 4, "y": 0, "w": 4, "h": 4},
                   "options": {"showPercentChange": true, "percentChangeColorMode": "standard"}},
                  {"id": 3, "type": "stat", "title": "Version", "gridPos": {"x": 8, "y": 0, "w": 4, "h": 4},
                   "options": {"showPercentChange": false, "percentChangeColorMode": "standard"}}]}
                """;
        var d = GrafanaImporter.read(json).dashboard();
        assertThat(d.panels()).extracting(p -> p.options().stat().direction())
                .containsExactly(KpiDirection.LOWER_IS_BETTER, KpiDirection.HIGHER_IS_BETTER, KpiDirection.NEUTRAL);
        var again = GrafanaImporter.read(GrafanaExporter.write(d, GrafanaExporter.Format.GRAFANA)).dashboard();
        assertThat(again.panels()).extracting(p -> p.options().stat().direction())
                .containsExactly(KpiDirection.LOWER_IS_BETTER, KpiDirection.HIGHER_IS_BETTER, KpiDirection.NEUTRAL);
    }

    private static Report report(List<Report.Kpi> kpis) {
        IsoWeek week = new IsoWeek(2026, 47);
        return new Report("Copilot Health", "copilot-health", week, ZoneOffset.UTC, week.range(ZoneOffset.UTC).from(),
                week.range(ZoneOffset.UTC).to(), Instant.parse("2026-11-23T08:00:00Z"), kpis, List.of(), List.of(), false, false,
                List.of());
    }
}

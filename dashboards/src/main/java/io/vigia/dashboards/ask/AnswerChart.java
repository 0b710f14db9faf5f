package io.vigia.dashboards.ask;

import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.data.TimeSeriesData;
import io.vigia.dashboards.chart.render.Annotation;
import io.vigia.dashboards.chart.render.LegendState;
import io.vigia.dashboards.paint.PanelPainter;
import io.vigia.dashboards.chart.surface.ChartExport;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.query.DeployImpact;
import io.vigia.dashboards.query.DeployMarkers;
import io.vigia.dashboards.query.PanelData;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The answer's chart as a PNG, painted by the dashboards' own painter (Java2D): the first series
 * step over its range, or a deploy comparison's focus measure around the deploy with the deploy
 * marked. Empty when the answer has nothing to draw (a report, a refused step).
 */
public final class AnswerChart {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 360;

    private AnswerChart() {
    }

    public static Optional<byte[]> png(AskAnswer answer, ZoneId zone) {
        for (AskAnswer.StepAnswer s : answer.steps()) {
            switch (s) {
                case AskAnswer.Numbers n when !n.instant() && !n.series().isEmpty() -> {
                    List<TimeSeriesData> data = new ArrayList<>();
                    n.series().forEach(x -> data.add(new TimeSeriesData(x.name(), x.timestamps(), x.values())));
                    String unit = n.step().stat() == null ? "" : n.step().stat().unit();
                    return Optional.of(paint(n.step().title(), unit, data, n.range().from().toEpochMilli(),
                            n.range().to().toEpochMilli(), n.resolution(), zone, List.of()));
                }
                case AskAnswer.Impact i -> {
                    DeployImpact.Measure m = measure(i.step().focus());
                    DeployImpact.Row row = i.result().row(m);
                    long at = i.result().deploy().timeMillis();
                    long[] ts = new long[row.offsetsMs().length];
                    for (int k = 0; k < ts.length; k++) {
                        ts[k] = at + row.offsetsMs()[k];
                    }
                    Duration w = i.result().window();
                    return Optional.of(paint(m.label() + " of " + i.step().service() + " around " + i.result().deploy().version(),
                            m.unit(), List.of(new TimeSeriesData(m.label(), ts, row.values())), at - w.toMillis(),
                            at + w.toMillis(), i.result().step(), zone,
                            DeployMarkers.annotations(List.of(i.result().deploy()))));
                }
                default -> {
                }
            }
        }
        return Optional.empty();
    }

    /** The Deploy impact measure for a statistic; p95 for those it does not compute. */
    static DeployImpact.Measure measure(Stat s) {
        return switch (s) {
            case P50 -> DeployImpact.Measure.P50;
            case P99 -> DeployImpact.Measure.P99;
            case ERROR_SHARE -> DeployImpact.Measure.ERROR_RATE;
            case THROUGHPUT -> DeployImpact.Measure.THROUGHPUT;
            default -> DeployImpact.Measure.P95;
        };
    }

    private static byte[] paint(String title, String unit, List<TimeSeriesData> data, long from, long to, Duration step,
                                ZoneId zone, List<Annotation> annotations) {
        Panel p = Panel.of(1, PanelType.TIME_SERIES, title, new GridPos(0, 0, 24, 8), List.of(), FieldConfig.DEFAULT.withUnit(unit));
        List<String> refIds = data.stream().map(d -> "A").toList();
        PanelData pd = new PanelData(data, refIds, step, List.of(), List.of());
        return ChartExport.png(WIDTH, HEIGHT, 1, s -> PanelPainter.paint(s, p, pd,
                new PanelPainter.Context(from, to, zone, ChartTheme.light(), LegendState.ALL_VISIBLE, annotations)));
    }
}

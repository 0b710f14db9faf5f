package io.vigia.dashboards.findings;

import io.vigia.dashboards.chart.axis.Unit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The one-line explanations, written by rule from the numbers: what left its band, which way,
 * since when and for how long, the typical value against the usual one, and the change just
 * before it ("after", never "because of").
 */
final class FindingText {
    private final DateTimeFormatter when;

    FindingText(ZoneId zone) {
        this.when = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ROOT).withZone(zone);
    }

    String anomaly(String title, Anomaly a, boolean ongoing, List<Finding.Cause> causes) {
        Excursion e = a.excursion();
        Unit unit = Unit.fromGrafanaId(a.watched().unit().isEmpty() ? "short" : a.watched().unit());
        String lasted = ongoing ? "still at the end of the range" : "for " + duration(e.endMillis() - e.startMillis());
        String change = Double.isNaN(e.relativeChange()) ? ""
                : String.format(Locale.ROOT, ", %+.0f%%", 100 * e.relativeChange());
        StringBuilder sb = new StringBuilder();
        sb.append(title).append(e.above() ? " above" : " below").append(" its usual band since ")
                .append(when.format(Instant.ofEpochMilli(e.startMillis()))).append(" (").append(lasted).append("): ")
                .append(unit.format(e.typical())).append(" against a usual ").append(unit.format(e.usual())).append(change);
        if (!causes.isEmpty()) {
            Finding.Cause c = causes.getFirst();
            sb.append(c.leadMillis() < a.stepMillis() ? ", within " + duration(a.stepMillis()) + " of "
                    : ", " + duration(c.leadMillis()) + " after ").append(c.event().describe());
        }
        return sb.toString();
    }

    static String duration(long ms) {
        Duration d = Duration.ofMillis(Math.max(0, ms));
        if (d.toMinutes() < 1) {
            return "moments";
        }
        if (d.toMinutes() < 90) {
            return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
        }
        if (d.toHours() < 48) {
            return d.toHours() + " hours";
        }
        return d.toDays() + " days";
    }
}

package io.vigia.datasources.copilot;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Warnings a chart of Copilot data must show: days missing in the range (GitHub omits days with
 * fewer than five active licences, and weekends are often empty) and a range that spans the
 * change from the legacy metrics to the usage reports, whose numbers mean something else.
 */
public final class CopilotDataQuality {
    private CopilotDataQuality() {
    }

    public record Warning(Kind kind, String message, List<LocalDate> days) {
        public enum Kind { MISSING_DAYS, SOURCE_CHANGE }
    }

    /** @param sources the source of every imported day of one scope */
    public static List<Warning> check(Map<LocalDate, CopilotSource> sources, LocalDate from, LocalDate to) {
        List<Warning> out = new ArrayList<>();
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!sources.containsKey(d)) {
                missing.add(d);
            }
        }
        if (!missing.isEmpty()) {
            long weekend = missing.stream().filter(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY).count();
            out.add(new Warning(Warning.Kind.MISSING_DAYS, missing.size() + " of "
                    + (to.toEpochDay() - from.toEpochDay() + 1) + " days have no Copilot data"
                    + (weekend > 0 ? " (" + weekend + " on weekends)" : "")
                    + "; totals and rates cover only the days present", List.copyOf(missing)));
        }
        TreeMap<LocalDate, CopilotSource> inRange = new TreeMap<>(new TreeMap<>(sources).subMap(from, true, to, true));
        LocalDate lastLegacy = null;
        LocalDate firstReport = null;
        for (Map.Entry<LocalDate, CopilotSource> e : inRange.entrySet()) {
            if (e.getValue().isLegacy()) {
                lastLegacy = e.getKey();
            } else if (firstReport == null) {
                firstReport = e.getKey();
            }
        }
        if (lastLegacy != null && firstReport != null) {
            out.add(new Warning(Warning.Kind.SOURCE_CHANGE, "the range spans GitHub's change of metrics: up to "
                    + lastLegacy + " suggestions were counted, from " + firstReport
                    + " activities are; rates on either side are not strictly comparable", List.of(lastLegacy, firstReport)));
        }
        return out;
    }
}

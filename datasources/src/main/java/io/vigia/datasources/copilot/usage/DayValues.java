package io.vigia.datasources.copilot.usage;

import java.time.LocalDate;

/** Days (epoch days, ascending) with a value; days without data are absent, not zero. */
public record DayValues(long[] epochDays, double[] values) {
    public int size() {
        return epochDays.length;
    }

    public LocalDate day(int i) {
        return LocalDate.ofEpochDay(epochDays[i]);
    }

    /** The value of a day, NaN when the day has none. */
    public double valueOn(LocalDate day) {
        int i = java.util.Arrays.binarySearch(epochDays, day.toEpochDay());
        return i >= 0 ? values[i] : Double.NaN;
    }
}

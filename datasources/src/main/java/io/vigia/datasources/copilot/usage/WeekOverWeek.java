package io.vigia.datasources.copilot.usage;

import java.time.LocalDate;

/** A week's number against the week before, or why that comparison is not shown. */
public sealed interface WeekOverWeek {

    /** {@code change} is (current − previous) ÷ previous, NaN when the week before had nothing. */
    record Change(LocalDate weekStart, double current, double previous, double change) implements WeekOverWeek {
    }

    /** The two weeks are not comparable (a re-baseline lies between them): the caveat says why. */
    record Refused(LocalDate weekStart, Caveat reason) implements WeekOverWeek {
    }
}

package io.vigia.datasources.copilot.usage;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The records read from one usage-report file, and the lines that could not be read (an NDJSON
 * file's truncated last line, a record without a valid day), each with its line number.
 */
public record UsageReport(List<ReportRecord> records, List<Problem> problems) {
    public static final UsageReport EMPTY = new UsageReport(List.of(), List.of());

    public UsageReport {
        records = List.copyOf(records);
        problems = List.copyOf(problems);
    }

    /** A line left out; {@code line} is 1-based. */
    public record Problem(int line, String reason) {
        @Override
        public String toString() {
            return line > 0 ? "line " + line + ": " + reason : reason;
        }
    }

    /** The days that have an organization or enterprise record in this report. */
    public Set<LocalDate> entityDays() {
        Set<LocalDate> out = new TreeSet<>();
        for (ReportRecord r : records) {
            if (r.kind() == ReportKind.ENTITY) {
                out.add(r.day());
            }
        }
        return out;
    }

    public long count(ReportKind kind) {
        return records.stream().filter(r -> r.kind() == kind).count();
    }
}

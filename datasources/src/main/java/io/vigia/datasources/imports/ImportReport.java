package io.vigia.datasources.imports;

import java.util.List;

/**
 * What an import did: records read, how many were new, how many were already stored (a re-import
 * adds nothing), the lines rejected with their numbers, and notes (e.g. SAST attributions).
 *
 * @param unit what a record is, in the plural ("findings", "days", "report records")
 */
public record ImportReport(ImportKind kind, String fileName, int records, int imported, int duplicates,
                           List<ImportProblem> rejected, List<String> notes, String unit) {
    public ImportReport {
        rejected = List.copyOf(rejected);
        notes = List.copyOf(notes);
    }

    public ImportReport(ImportKind kind, String fileName, int records, int imported, int duplicates,
                        List<ImportProblem> rejected, List<String> notes) {
        this(kind, fileName, records, imported, duplicates, rejected, notes, kind.unit());
    }
}

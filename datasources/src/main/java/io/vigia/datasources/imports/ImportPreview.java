package io.vigia.datasources.imports;

import java.util.List;

/**
 * The parse of a file before anything is written: how many records it holds, the first few
 * rendered as text (prompts already redacted; a view must still show them as inert text), and
 * the lines that would be rejected.
 */
public record ImportPreview(ImportKind kind, String fileName, int records, List<String> firstRecords,
                            List<ImportProblem> rejected, List<String> notes) {
    public ImportPreview {
        firstRecords = List.copyOf(firstRecords);
        rejected = List.copyOf(rejected);
        notes = List.copyOf(notes);
    }
}

package io.vigia.datasources.imports;

import io.vigia.datasources.copilot.CopilotFormatException;
import io.vigia.datasources.copilot.CopilotMetricsParser;
import io.vigia.datasources.copilot.CopilotReportImport;
import io.vigia.datasources.guardrail.GuardrailEvent;
import io.vigia.datasources.guardrail.GuardrailImporter;
import io.vigia.datasources.guardrail.GuardrailLogParser;
import io.vigia.datasources.guardrail.GuardrailLokiQuery;
import io.vigia.datasources.loki.LokiClient;
import io.vigia.datasources.remote.CancellationToken;
import io.vigia.datasources.ingest.ExpositionFormat;
import io.vigia.datasources.ingest.ExpositionParseException;
import io.vigia.datasources.ingest.ExpositionParser;
import io.vigia.datasources.ingest.ExpositionSink;
import io.vigia.datasources.ingest.ImportSummary;
import io.vigia.datasources.ingest.OpenMetricsImporter;
import io.vigia.datasources.redact.Redactor;
import io.vigia.datasources.sarif.AcceptedSuggestionsImporter;
import io.vigia.datasources.sarif.AcceptedSuggestionsParser;
import io.vigia.datasources.sarif.SarifFormatException;
import io.vigia.datasources.sarif.SarifImporter;
import io.vigia.datasources.sarif.SarifLocation;
import io.vigia.datasources.sarif.SarifLog;
import io.vigia.datasources.sarif.SarifParser;
import io.vigia.datasources.sarif.SarifResult;
import io.vigia.datasources.sarif.SarifRun;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports one file of any {@link ImportKind} into the workspace: the one path the CLI
 * ({@code vigia import}) and the app's Import page both take. The file is parsed completely
 * before anything is written, and each import is one transaction (Copilot: the days, then the
 * counters rebuilt from them), so a failure or a cancel leaves nothing half-imported; records
 * already stored are counted as duplicates and not added again.
 */
public final class FileImporter {
    /** Records shown by a preview. */
    public static final int PREVIEW_RECORDS = 20;
    private static final int PROMPT_PREVIEW_CHARS = 160;

    private final Workspace workspace;
    private final SqliteSeriesStore store;
    private final Redactor redactor = new Redactor();

    public FileImporter(Workspace workspace, SqliteSeriesStore store) {
        this.workspace = workspace;
        this.store = store;
    }

    /** Parses the file without writing anything. */
    public ImportPreview preview(Path file, ImportKind kind, String scope, ImportProgress progress)
            throws IOException, ImportFailedException {
        String name = file.getFileName().toString();
        return switch (kind) {
            case SARIF -> {
                SarifLog log = sarif(file, progress);
                List<String> first = new ArrayList<>();
                int n = 0;
                for (SarifRun run : log.runs()) {
                    for (SarifResult r : run.results()) {
                        n++;
                        if (first.size() < PREVIEW_RECORDS) {
                            SarifLocation loc = r.primaryLocation();
                            first.add(String.join("  ", run.toolName(), r.ruleId() == null ? "(no rule)" : r.ruleId(),
                                    r.severity() == null ? r.level().label() : r.severity().label(),
                                    loc == null || loc.uri() == null ? "(no location)" : loc.uri() + ":" + loc.startLine(),
                                    shorten(redactor.redact(r.message()).text())));
                        }
                    }
                }
                yield new ImportPreview(kind, name, n, first, List.of(), notes(log));
            }
            case GUARDRAIL_LOG -> {
                GuardrailLogParser.Result r = guardrail(file, progress);
                List<String> first = r.events().stream().limit(PREVIEW_RECORDS).map(FileImporter::describe).toList();
                yield new ImportPreview(kind, name, r.events().size(), first, guardrailProblems(r), List.of());
            }
            case ACCEPTED_SUGGESTIONS -> {
                AcceptedSuggestionsParser.Result r = suggestions(file, progress);
                List<String> first = r.suggestions().stream().limit(PREVIEW_RECORDS).map(p -> String.join("  ",
                        p.suggestion().acceptedAt().toString(), p.suggestion().repository(),
                        p.suggestion().path() + ":" + p.suggestion().startLine() + "-" + p.suggestion().endLine(),
                        p.suggestion().team(), p.suggestion().model())).toList();
                yield new ImportPreview(kind, name, r.suggestions().size(), first, suggestionProblems(r), List.of());
            }
            case COPILOT -> {
                CopilotMetricsParser.Days days = copilot(file, scope, progress);
                yield CopilotFileReport.preview(kind, name, days, PREVIEW_RECORDS);
            }
            case OPENMETRICS -> {
                List<String> first = new ArrayList<>();
                long[] count = {0};
                try (Reader in = reader(file, progress)) {
                    ExpositionParser.parse(in, ExpositionFormat.OPENMETRICS, new ExpositionSink() {
                        @Override
                        public void sample(Labels labels, double value, boolean hasTimestamp, long t,
                                           io.vigia.datasources.ingest.Exemplar exemplar) {
                            count[0]++;
                            if (first.size() < PREVIEW_RECORDS) {
                                first.add(labels + " " + value + (hasTimestamp ? " @ " + Instant.ofEpochMilli(t) : " (no timestamp)"));
                            }
                        }
                    });
                } catch (ExpositionParseException e) {
                    throw new ImportFailedException(name + ": " + e.getMessage() + ". Nothing can be imported.", e);
                } catch (CharacterCodingException e) {
                    throw notUtf8(name, e);
                }
                yield new ImportPreview(kind, name, Math.toIntExact(Math.min(Integer.MAX_VALUE, count[0])), first, List.of(),
                        List.of());
            }
        };
    }

    /** Imports the file in one transaction; {@code scope} is needed for Copilot metrics only. */
    public ImportReport importFile(Path file, ImportKind kind, String scope, ImportProgress progress)
            throws IOException, ImportFailedException {
        String name = file.getFileName().toString();
        return switch (kind) {
            case SARIF -> {
                SarifLog log = sarif(file, progress);
                checkCancelled(progress);
                SarifImporter.Result r = new SarifImporter(workspace, store).importLog(log, SarifImporter.fileSha256(file));
                List<String> notes = new ArrayList<>(notes(log));
                notes.add(r.attributed() + " findings in the workspace attributed to accepted suggestions");
                yield new ImportReport(kind, name, r.results(), r.imported(), r.alreadyPresent(), List.of(), notes);
            }
            case GUARDRAIL_LOG -> {
                GuardrailLogParser.Result r = guardrail(file, progress);
                yield guardrailEvents(kind, name, r, GuardrailImporter.fileSha256(file), progress);
            }
            case ACCEPTED_SUGGESTIONS -> {
                AcceptedSuggestionsParser.Result r = suggestions(file, progress);
                checkCancelled(progress);
                AcceptedSuggestionsImporter.Result s = new AcceptedSuggestionsImporter(workspace, store)
                        .importSuggestions(r.suggestions(), SarifImporter.fileSha256(file));
                yield new ImportReport(kind, name, r.suggestions().size(), s.imported(), s.alreadyPresent(),
                        suggestionProblems(r), List.of(s.attributed() + " findings in the workspace attributed to accepted suggestions"));
            }
            case COPILOT -> {
                CopilotMetricsParser.Days days = copilot(file, scope, progress);
                checkCancelled(progress);
                yield CopilotFileReport.imported(kind, name, scope.strip(), days,
                        CopilotReportImport.importDocuments(workspace, store, scope.strip(), List.of(days)));
            }
            case OPENMETRICS -> {
                ImportSummary s;
                try (Reader in = reader(file, progress); SeriesWriter writer = store.writer()) {
                    s = OpenMetricsImporter.importFrom(in, writer, n -> { });
                } catch (ExpositionParseException e) {
                    throw new ImportFailedException(name + ": " + e.getMessage() + ". Nothing was imported.", e);
                } catch (CharacterCodingException e) {
                    throw notUtf8(name, e);
                } catch (IllegalArgumentException e) {
                    throw new ImportFailedException(name + ": " + e.getMessage() + ". Nothing was imported.", e);
                }
                int samples = Math.toIntExact(Math.min(Integer.MAX_VALUE, s.samples()));
                yield new ImportReport(kind, name, samples, samples, 0, List.of(), List.of(s.series()
                        + " series; samples already stored are kept once"));
            }
        };
    }

    /** Stores parsed guardrail decisions (from a file or a Loki query) in one transaction. */
    public ImportReport guardrailEvents(ImportKind kind, String origin, GuardrailLogParser.Result parsed, String sourceSha256,
                                        ImportProgress progress) throws ImportFailedException {
        if (parsed.events().isEmpty()) {
            throw new ImportFailedException(origin + ": " + (parsed.lines() == 0 ? "no events in it"
                    : "none of its " + parsed.lines() + " lines is a guardrail decision") + ". Nothing was imported.",
                    guardrailProblems(parsed));
        }
        checkCancelled(progress);
        GuardrailImporter.Result r = new GuardrailImporter(workspace, store).importEvents(parsed.events(), sourceSha256);
        return new ImportReport(kind, origin, parsed.events().size(), r.imported(), r.alreadyPresent(), guardrailProblems(parsed),
                List.of(GuardrailImporter.METRIC + " rebuilt for " + r.seriesWritten() + " label sets"));
    }

    /**
     * Imports the guardrail decisions a LogQL log query returns over {@code [start, end]} (each
     * line one JSON audit event), in one transaction; rejected entries are reported by their
     * position in the answer, their stream and time.
     */
    public ImportReport importGuardrailFromLoki(LokiClient client, String logql, Instant start, Instant end, int pageLimit,
                                               CancellationToken token) throws IOException, ImportFailedException {
        GuardrailLokiQuery.Fetched f = GuardrailLokiQuery.fetch(client, logql, start, end, pageLimit,
                new GuardrailLogParser(redactor), token);
        String origin = "Loki " + logql;
        List<ImportProblem> problems = new ArrayList<>();
        for (GuardrailLogParser.RejectedLine r : f.parsed().rejected()) {
            GuardrailLokiQuery.Entry e = f.entries().get(r.lineNumber() - 1);
            problems.add(new ImportProblem(r.lineNumber(), "entry of " + e.stream() + " at "
                    + Instant.ofEpochSecond(0, e.timestampNanos()) + ": " + r.reason()));
        }
        ImportProgress progress = new ImportProgress() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return token.isCancelled();
            }
        };
        ImportReport r;
        try {
            r = guardrailEvents(ImportKind.GUARDRAIL_LOG, origin, f.parsed(), "loki:" + f.sha256(), progress);
        } catch (ImportFailedException e) {
            throw new ImportFailedException(e.getMessage(), problems);
        }
        List<String> notes = new ArrayList<>(r.notes());
        notes.add(f.entries().size() + " log entries in " + f.pages() + " request" + (f.pages() == 1 ? "" : "s"));
        f.warnings().forEach(w -> notes.add("Loki: " + w));
        return new ImportReport(r.kind(), origin, r.records(), r.imported(), r.duplicates(), problems, notes);
    }

    private static void checkCancelled(ImportProgress progress) {
        if (progress.isCancelled()) {
            throw new java.util.concurrent.CancellationException("import cancelled");
        }
    }

    private static SarifLog sarif(Path file, ImportProgress progress) throws IOException, ImportFailedException {
        try (InputStream in = new ProgressInputStream(Files.newInputStream(file), Files.size(file), progress)) {
            return SarifParser.parse(in);
        } catch (SarifFormatException e) {
            throw new ImportFailedException(file.getFileName() + " is not a readable SARIF log: " + e.getMessage()
                    + ". Nothing was imported.", e);
        }
    }

    private GuardrailLogParser.Result guardrail(Path file, ImportProgress progress) throws IOException, ImportFailedException {
        try (Reader in = reader(file, progress)) {
            return new GuardrailLogParser(redactor).parse(in);
        } catch (CharacterCodingException e) {
            throw notUtf8(file.getFileName().toString(), e);
        }
    }

    private static AcceptedSuggestionsParser.Result suggestions(Path file, ImportProgress progress)
            throws IOException, ImportFailedException {
        AcceptedSuggestionsParser.Result r;
        try (Reader in = reader(file, progress)) {
            r = AcceptedSuggestionsParser.parse(in);
        } catch (CharacterCodingException e) {
            throw notUtf8(file.getFileName().toString(), e);
        }
        if (r.suggestions().isEmpty()) {
            throw new ImportFailedException(file.getFileName() + ": " + (r.lines() == 0 ? "no records in it"
                    : "none of its " + r.lines() + " lines is an accepted suggestion") + ". Nothing was imported.",
                    suggestionProblems(r));
        }
        return r;
    }

    private static CopilotMetricsParser.Days copilot(Path file, String scope, ImportProgress progress)
            throws IOException, ImportFailedException {
        if (scope == null || scope.isBlank()) {
            throw new ImportFailedException("Copilot metrics need a scope: the organization, enterprise or team they are about");
        }
        String text;
        try (Reader in = reader(file, progress); BufferedReader b = new BufferedReader(in)) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[1 << 16];
            int n;
            while ((n = b.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
            text = sb.toString();
        } catch (CharacterCodingException e) {
            throw notUtf8(file.getFileName().toString(), e);
        }
        CopilotMetricsParser.Document doc;
        try {
            doc = CopilotMetricsParser.parse(scope.strip(), text);
        } catch (CopilotFormatException e) {
            throw new ImportFailedException(file.getFileName() + ": " + e.getMessage() + ". Nothing was imported.", e);
        }
        if (!(doc instanceof CopilotMetricsParser.Days days)) {
            throw new ImportFailedException(file.getFileName() + " holds " + (doc instanceof CopilotMetricsParser.DownloadLinks
                    ? "GitHub's download links, not the report itself: download the linked files (the links expire within hours) and import those"
                    : "the seat assignments, not usage metrics") + ". Nothing was imported.");
        }
        return days;
    }

    /** Strict UTF-8 (a malformed byte is an error, not a replacement character), counting bytes for progress. */
    private static Reader reader(Path file, ImportProgress progress) throws IOException {
        return new InputStreamReader(new ProgressInputStream(Files.newInputStream(file), Files.size(file), progress),
                StandardCharsets.UTF_8.newDecoder());
    }

    private static ImportFailedException notUtf8(String name, CharacterCodingException e) {
        return new ImportFailedException(name + " is not UTF-8 text. Nothing was imported.", e);
    }

    private static List<String> notes(SarifLog log) {
        List<String> notes = new ArrayList<>();
        notes.add(log.runs().size() + " runs");
        notes.addAll(log.warnings());
        return notes;
    }

    static List<ImportProblem> guardrailProblems(GuardrailLogParser.Result r) {
        return r.rejected().stream().map(x -> new ImportProblem(x.lineNumber(), x.reason())).toList();
    }

    private static List<ImportProblem> suggestionProblems(AcceptedSuggestionsParser.Result r) {
        return r.rejected().stream().map(x -> new ImportProblem(x.lineNumber(), x.reason())).toList();
    }

    /** One decision as a line of text; the prompt is the parser's redacted one, shortened. */
    static String describe(GuardrailEvent e) {
        return String.join("  ", Instant.ofEpochMilli(e.timestamp()).toString(), e.app(), e.direction(), e.decision(),
                e.category(), e.detector(), e.redactedPrompt() == null ? "" : "prompt: " + shorten(e.redactedPrompt()));
    }

    private static String shorten(String s) {
        return s.length() <= PROMPT_PREVIEW_CHARS ? s : s.substring(0, PROMPT_PREVIEW_CHARS) + "…";
    }
}

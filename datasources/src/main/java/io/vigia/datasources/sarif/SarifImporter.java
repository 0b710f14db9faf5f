package io.vigia.datasources.sarif;

import io.vigia.datasources.redact.Redactor;
import io.vigia.persistence.evidence.SarifFindingRepository;
import io.vigia.persistence.evidence.SarifFindingRepository.Finding;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Imports a SARIF log's results into {@code sarif_findings} in one transaction: the file is parsed
 * completely first (a malformed file writes nothing), then every finding is added unless already
 * stored. A finding's identity is repository, tool, rule, file, line range and fingerprint (the
 * {@code primaryLocationLineHash} where the tool computed one, else the other partial
 * fingerprints, else a hash of the message), so re-importing a file adds nothing. Messages are
 * stored redacted ({@link Redactor}): a secret scanner's message may quote the secret.
 */
public final class SarifImporter {
    /** Secret scanners (gitleaks, Semgrep secrets rules) may quote what they found in the message. */
    private static final Redactor REDACTOR = new Redactor();
    private final Workspace workspace;
    private final SqliteSeriesStore store;

    /** Stores findings only (no SAST attribution series). */
    public SarifImporter(Workspace workspace) {
        this(workspace, null);
    }

    /**
     * Stores findings and, in the same transaction, rebuilds the SAST attribution counter
     * ({@link SastAttributionSeries}) from every stored finding and accepted suggestion.
     */
    public SarifImporter(Workspace workspace, SqliteSeriesStore store) {
        this.workspace = workspace;
        this.store = store;
    }

    /** @param attributed findings tied to an accepted suggestion over the whole workspace, -1 without a store */
    public record Result(int runs, int results, int imported, int alreadyPresent, List<String> warnings, int attributed) {
        public Result {
            warnings = List.copyOf(warnings);
        }

        public Result(int runs, int results, int imported, int alreadyPresent, List<String> warnings) {
            this(runs, results, imported, alreadyPresent, warnings, -1);
        }
    }

    /** @throws SarifFormatException when the file is not a SARIF log; nothing is written then */
    public Result importFile(Path file) throws IOException {
        SarifLog log = SarifParser.parse(file);
        return importLog(log, fileSha256(file));
    }

    public Result importLog(SarifLog log, String sourceSha256) {
        long now = workspace.clock().millis();
        List<Finding> findings = new ArrayList<>();
        for (SarifRun run : log.runs()) {
            for (SarifResult r : run.results()) {
                findings.add(finding(run, r, sourceSha256, now));
            }
        }
        if (store == null) {
            int added = workspace.write(c -> SarifFindingRepository.insertNew(c, findings));
            return new Result(log.runs().size(), findings.size(), added, findings.size() - added, log.warnings());
        }
        var before = SastAttributionSeries.existing(store);
        int[] attributed = {0};
        int added = store.writeReplacingSeries((c, series) -> {
            int n = SarifFindingRepository.insertNew(c, findings);
            attributed[0] = SastAttributionSeries.rebuild(c, series, before);
            return n;
        });
        return new Result(log.runs().size(), findings.size(), added, findings.size() - added, log.warnings(), attributed[0]);
    }

    static Finding finding(SarifRun run, SarifResult r, String sha, long now) {
        SarifLocation loc = r.primaryLocation();
        return new Finding(run.repositoryUri() == null ? "" : run.repositoryUri(), run.toolName(), run.toolVersion(),
                r.ruleId() == null ? "" : r.ruleId(), r.rule() == null ? null : r.rule().name(), r.level().label(),
                r.severity() == null ? null : r.severity().label(), r.securityScore(),
                String.join(",", r.cwes()), loc == null || loc.uri() == null ? "" : loc.uri(),
                loc == null ? 0 : loc.startLine(), loc == null ? 0 : loc.endLine(), fingerprint(r), r.baselineState(),
                REDACTOR.redact(r.message()).text(), run.startedAt() == null ? null : run.startedAt().toEpochMilli(), sha, now,
                r.exploitability() == null ? null : r.exploitability().label(), r.attackerPosition());
    }

    static String fingerprint(SarifResult r) {
        Map<String, String> fp = r.partialFingerprints();
        String primary = fp.get("primaryLocationLineHash");
        if (primary != null) {
            return "primaryLocationLineHash=" + primary;
        }
        if (!fp.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            new TreeMap<>(fp).forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ";").append(k).append('=').append(v));
            return sb.toString();
        }
        return "message-sha256=" + HexFormat.of().formatHex(sha256().digest(r.message().getBytes(StandardCharsets.UTF_8))).substring(0, 32);
    }

    /** SHA-256 of a file's bytes, read as a stream. */
    public static String fileSha256(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

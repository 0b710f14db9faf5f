package io.vigia.datasources.copilot;

import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.workspace.Workspace;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Brings Copilot days into the workspace: their series into the store, and a note per day in
 * {@code copilot_days} so that importing the same data again adds nothing. A day GitHub revised
 * (same day, other numbers) is written again. The series are committed before the notes: a crash
 * in between only means the next import writes those same samples once more.
 */
public final class CopilotImporter {
    private final Workspace workspace;
    private final SeriesWriter writer;
    private final DayEraser eraser;

    /** Removes the stored samples of one scope's day before a revised version is written. */
    @FunctionalInterface
    public interface DayEraser {
        void erase(String scope, long dayTimestampMillis);
    }

    public CopilotImporter(Workspace workspace, SeriesWriter writer, DayEraser eraser) {
        this.workspace = workspace;
        this.writer = writer;
        this.eraser = eraser;
    }

    public record Result(int daysImported, int daysUnchanged, int daysRevised, int samples) {
    }

    public Result importDays(List<CopilotDay> days) {
        Map<String, String> known = knownHashes(days);
        int imported = 0;
        int unchanged = 0;
        int revised = 0;
        int samples = 0;
        Map<CopilotDay, String> toRecord = new HashMap<>();
        // revised days are erased first, committed on their own: should the import then fail, the
        // day log still holds the old hash, so the next import writes the day again
        for (CopilotDay d : days) {
            String previous = known.get(key(d.scope(), d.day()));
            if (previous != null && !previous.equals(hash(d))) {
                eraser.erase(d.scope(), CopilotSeries.timestamp(d));
            }
        }
        try {
            for (CopilotDay d : days) {
                String hash = hash(d);
                String previous = known.get(key(d.scope(), d.day()));
                if (hash.equals(previous)) {
                    unchanged++;
                    continue;
                }
                if (previous == null) {
                    imported++;
                } else {
                    revised++;
                }
                samples += CopilotSeries.write(d, writer);
                toRecord.put(d, hash);
            }
            writer.commit();
        } catch (RuntimeException e) {
            writer.rollback();
            throw e;
        }
        long now = workspace.clock().millis();
        workspace.write(c -> {
            recordDays(c, toRecord, now);
            return null;
        });
        return new Result(imported, unchanged, revised, samples);
    }

    /** Remembers each imported day with its source and content hash, so a re-import finds it unchanged. */
    static void recordDays(java.sql.Connection c, Map<CopilotDay, String> hashes, long now) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO copilot_days(scope, day, source, sha256, imported_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT(scope, day) DO UPDATE SET source = excluded.source, "
                + "sha256 = excluded.sha256, imported_at = excluded.imported_at")) {
            for (Map.Entry<CopilotDay, String> e : hashes.entrySet()) {
                ps.setString(1, e.getKey().scope());
                ps.setString(2, e.getKey().day().toString());
                ps.setString(3, e.getKey().source().label());
                ps.setString(4, e.getValue());
                ps.setLong(5, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The source of every imported day of a scope, for {@link CopilotDataQuality}. */
    public static Map<LocalDate, CopilotSource> importedDays(Workspace workspace, String scope) {
        return workspace.read(c -> {
            Map<LocalDate, CopilotSource> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT day, source FROM copilot_days WHERE scope = ?")) {
                ps.setString(1, scope);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String source = rs.getString(2);
                        for (CopilotSource s : CopilotSource.values()) {
                            if (s.label().equals(source)) {
                                out.put(LocalDate.parse(rs.getString(1)), s);
                            }
                        }
                    }
                }
            }
            return out;
        });
    }

    private Map<String, String> knownHashes(List<CopilotDay> days) {
        return workspace.read(c -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT sha256 FROM copilot_days WHERE scope = ? AND day = ?")) {
                for (CopilotDay d : days) {
                    ps.setString(1, d.scope());
                    ps.setString(2, d.day().toString());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.put(key(d.scope(), d.day()), rs.getString(1));
                        }
                    }
                }
            }
            return out;
        });
    }

    private static String key(String scope, LocalDate day) {
        return scope + '\u0000' + day;
    }

    static String hash(CopilotDay d) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(d.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

package io.vigia.datasources.copilot.usage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes report records into {@code copilot_report_records}, {@code copilot_report_values} and,
 * for team memberships, {@code copilot_team_members}, inside the caller's transaction. A record
 * already stored with the same content is left alone; one GitHub revised (same scope, day, kind
 * and subject, other content) has its values replaced whole. Each record is its own unit, so the
 * several files a report can be split into ({@code download_links} holds one or more) import one
 * after the other without dropping each other's rows.
 */
public final class ReportRepository {
    private ReportRepository() {
    }

    /** What storing did, and the days whose numbers changed (their derived series and notes need recomputing). */
    public record Stored(int added, int unchanged, int revised, Set<LocalDate> changedDays) {
    }

    public static Stored store(Connection c, String scope, List<ReportRecord> records, long now) throws SQLException {
        Map<String, ReportRecord> latest = new LinkedHashMap<>();
        for (ReportRecord r : records) {
            latest.put(key(r), r); // a record listed twice in one import: the later one counts
        }
        int added = 0;
        int unchanged = 0;
        int revised = 0;
        Set<LocalDate> changed = new TreeSet<>();
        try (PreparedStatement find = c.prepareStatement("SELECT sha256 FROM copilot_report_records "
                + "WHERE scope = ? AND day = ? AND kind = ? AND subject = ?");
             PreparedStatement deleteValues = c.prepareStatement("DELETE FROM copilot_report_values "
                     + "WHERE scope = ? AND day = ? AND kind = ? AND subject = ?");
             PreparedStatement insertValue = c.prepareStatement("INSERT INTO copilot_report_values(scope, day, kind, subject, "
                     + "breakdown, dimension, field, type, num, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement upsertRecord = c.prepareStatement("INSERT INTO copilot_report_records(scope, day, kind, subject, "
                     + "sha256, imported_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(scope, day, kind, subject) DO UPDATE SET "
                     + "sha256 = excluded.sha256, imported_at = excluded.imported_at");
             PreparedStatement upsertMember = c.prepareStatement("INSERT INTO copilot_team_members(scope, day, team_id, user_id, "
                     + "slug, user_login) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(scope, day, team_id, user_id) DO UPDATE SET "
                     + "slug = excluded.slug, user_login = excluded.user_login")) {
            for (ReportRecord r : latest.values()) {
                String sha = sha256(r);
                bindKey(find, scope, r);
                String previous = null;
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        previous = rs.getString(1);
                    }
                }
                if (sha.equals(previous)) {
                    unchanged++;
                    continue;
                }
                if (previous == null) {
                    added++;
                } else {
                    revised++;
                    bindKey(deleteValues, scope, r);
                    deleteValues.executeUpdate();
                }
                for (ReportValue v : ReportFlattener.flatten(r)) {
                    bindKey(insertValue, scope, r);
                    insertValue.setString(5, v.breakdown());
                    insertValue.setString(6, v.dimension());
                    insertValue.setString(7, v.field());
                    insertValue.setString(8, v.type().label());
                    if (v.isNumeric()) {
                        insertValue.setDouble(9, v.num());
                    } else {
                        insertValue.setNull(9, java.sql.Types.REAL);
                    }
                    insertValue.setString(10, v.text());
                    insertValue.addBatch();
                }
                insertValue.executeBatch();
                bindKey(upsertRecord, scope, r);
                upsertRecord.setString(5, sha);
                upsertRecord.setLong(6, now);
                upsertRecord.executeUpdate();
                if (r.kind() == ReportKind.USER_TEAM) {
                    upsertMember.setString(1, scope);
                    upsertMember.setString(2, r.day().toString());
                    upsertMember.setString(3, r.json().path("team_id").asString(""));
                    upsertMember.setString(4, UsageReportReader.user(r.json()));
                    upsertMember.setString(5, r.json().path("slug").asString(""));
                    upsertMember.setString(6, UsageReportReader.login(r.json()));
                    upsertMember.executeUpdate();
                }
                changed.add(r.day());
            }
        }
        return new Stored(added, unchanged, revised, changed);
    }

    /** Whether the scope has an organization or enterprise record for the day. */
    public static boolean hasEntityDay(Connection c, String scope, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM copilot_report_records WHERE scope = ? AND day = ? "
                + "AND kind = 'entity' AND subject = ''")) {
            ps.setString(1, scope);
            ps.setString(2, day.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void bindKey(PreparedStatement ps, String scope, ReportRecord r) throws SQLException {
        ps.setString(1, scope);
        ps.setString(2, r.day().toString());
        ps.setString(3, r.kind().label());
        ps.setString(4, r.subject());
    }

    private static String key(ReportRecord r) {
        return r.day() + "\u0000" + r.kind() + "\u0000" + r.subject();
    }

    /** The record's own JSON (not the wrapper's created_at, which changes with every download of the same numbers). */
    static String sha256(ReportRecord r) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(r.json().toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

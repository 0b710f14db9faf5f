package io.vigia.persistence.evidence;

import io.vigia.persistence.workspace.Workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * SAST findings imported from SARIF logs ({@code sarif_findings}). A finding is identified by
 * repository, tool, rule, file, line range and fingerprint: adding one already stored changes
 * nothing, so a file imported twice, or a finding reported by every nightly scan, is one row.
 */
public final class SarifFindingRepository {
    private final Workspace workspace;

    public SarifFindingRepository(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * One finding.
     *
     * @param repository  the repository URI the log names, "" when it names none
     * @param cwe         CWE ids joined by commas ({@code CWE-78,CWE-88}), "" for none
     * @param startLine   1-based, 0 when the log gives no line (endLine likewise)
     * @param securityScore     {@code security-severity} of the result, else of its rule; null when unrated
     * @param detectedAt        when the scan ran (ms), null when the log does not say
     * @param importedAt        when it was first imported (ms)
     * @param exploitability    {@code ai/exploitability} (demonstrated, poc, theoretical), null when not stated
     * @param attackerPosition  {@code ai/attackerPosition}, null when not stated
     */
    public record Finding(String repository, String tool, String toolVersion, String ruleId, String ruleName, String level,
                          String severity, Double securityScore, String cwe, String uri, int startLine, int endLine,
                          String fingerprint, String baselineState, String message, Long detectedAt, String sourceSha256,
                          long importedAt, String exploitability, String attackerPosition) {

        /** A finding without the AI profile's properties (most tools write none). */
        public Finding(String repository, String tool, String toolVersion, String ruleId, String ruleName, String level,
                       String severity, Double securityScore, String cwe, String uri, int startLine, int endLine,
                       String fingerprint, String baselineState, String message, Long detectedAt, String sourceSha256,
                       long importedAt) {
            this(repository, tool, toolVersion, ruleId, ruleName, level, severity, securityScore, cwe, uri, startLine, endLine,
                    fingerprint, baselineState, message, detectedAt, sourceSha256, importedAt, null, null);
        }
    }

    private static final String COLUMNS = "repository, tool, tool_version, rule_id, rule_name, level, severity, security_score, "
            + "cwe, uri, start_line, end_line, fingerprint, baseline_state, message, detected_at, source_sha256, imported_at, "
            + "exploitability, attacker_position";

    /** Adds the findings not stored yet, inside the caller's transaction; returns how many were new. */
    public static int insertNew(Connection c, List<Finding> findings) throws SQLException {
        int added = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sarif_findings(" + COLUMNS + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Finding f : findings) {
                ps.setString(1, f.repository());
                ps.setString(2, f.tool());
                ps.setString(3, f.toolVersion());
                ps.setString(4, f.ruleId());
                ps.setString(5, f.ruleName());
                ps.setString(6, f.level());
                ps.setString(7, f.severity());
                if (f.securityScore() == null) {
                    ps.setNull(8, Types.REAL);
                } else {
                    ps.setDouble(8, f.securityScore());
                }
                ps.setString(9, f.cwe());
                ps.setString(10, f.uri());
                ps.setInt(11, f.startLine());
                ps.setInt(12, f.endLine());
                ps.setString(13, f.fingerprint());
                ps.setString(14, f.baselineState());
                ps.setString(15, f.message());
                if (f.detectedAt() == null) {
                    ps.setNull(16, Types.INTEGER);
                } else {
                    ps.setLong(16, f.detectedAt());
                }
                ps.setString(17, f.sourceSha256());
                ps.setLong(18, f.importedAt());
                ps.setString(19, f.exploitability());
                ps.setString(20, f.attackerPosition());
                added += ps.executeUpdate();
            }
        }
        return added;
    }

    public int count() {
        return workspace.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM sarif_findings"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** The findings of one file of one repository (every repository for null), by line. */
    public List<Finding> inFile(String repository, String uri) {
        return workspace.read(c -> {
            List<Finding> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sarif_findings "
                    + "WHERE (? IS NULL OR repository = ?) AND uri = ? ORDER BY start_line, id")) {
                ps.setString(1, repository);
                ps.setString(2, repository);
                ps.setString(3, uri);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    /** Every stored finding, inside the caller's transaction. */
    public static List<Finding> all(Connection c) throws SQLException {
        List<Finding> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sarif_findings ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    private static Finding read(ResultSet rs) throws SQLException {
        double score = rs.getDouble(8);
        Double scoreOrNull = rs.wasNull() ? null : score;
        long detected = rs.getLong(16);
        Long detectedOrNull = rs.wasNull() ? null : detected;
        return new Finding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), scoreOrNull, rs.getString(9), rs.getString(10), rs.getInt(11),
                rs.getInt(12), rs.getString(13), rs.getString(14), rs.getString(15), detectedOrNull,
                rs.getString(17), rs.getLong(18), rs.getString(19), rs.getString(20));
    }
}

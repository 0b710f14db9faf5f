package io.vigia.persistence.evidence;

import io.vigia.persistence.workspace.Workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Accepted AI suggestions ({@code accepted_suggestions}): where the accepted text landed and the
 * labels it is counted under. {@code suggestionKey} identifies one, so importing the same file
 * again adds nothing.
 */
public final class AcceptedSuggestionRepository {
    private final Workspace workspace;

    public AcceptedSuggestionRepository(Workspace workspace) {
        this.workspace = workspace;
    }

    /** @param userLogin who accepted it (a GitHub login), "" when the record does not say */
    public record StoredSuggestion(String suggestionKey, long acceptedAt, String repository, String path, int startLine,
                                   int endLine, String team, String language, String editor, String model,
                                   String sourceSha256, long importedAt, String userLogin) {
        public StoredSuggestion {
            userLogin = userLogin == null ? "" : userLogin;
        }

        /** A suggestion whose record names no user. */
        public StoredSuggestion(String suggestionKey, long acceptedAt, String repository, String path, int startLine,
                                int endLine, String team, String language, String editor, String model,
                                String sourceSha256, long importedAt) {
            this(suggestionKey, acceptedAt, repository, path, startLine, endLine, team, language, editor, model, sourceSha256,
                    importedAt, "");
        }
    }

    /** Adds the suggestions not stored yet, inside the caller's transaction; returns how many were new. */
    public static int insertNew(Connection c, List<StoredSuggestion> suggestions) throws SQLException {
        int added = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO accepted_suggestions(suggestion_key, accepted_at, repository, "
                + "path, start_line, end_line, team, language, editor, model, source_sha256, imported_at, user_login) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(suggestion_key) DO NOTHING")) {
            for (StoredSuggestion s : suggestions) {
                ps.setString(1, s.suggestionKey());
                ps.setLong(2, s.acceptedAt());
                ps.setString(3, s.repository());
                ps.setString(4, s.path());
                ps.setInt(5, s.startLine());
                ps.setInt(6, s.endLine());
                ps.setString(7, s.team());
                ps.setString(8, s.language());
                ps.setString(9, s.editor());
                ps.setString(10, s.model());
                ps.setString(11, s.sourceSha256());
                ps.setLong(12, s.importedAt());
                ps.setString(13, s.userLogin());
                added += ps.executeUpdate();
            }
        }
        return added;
    }

    /** Every stored suggestion, by acceptance time, inside the caller's transaction. */
    public static List<StoredSuggestion> all(Connection c) throws SQLException {
        List<StoredSuggestion> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT suggestion_key, accepted_at, repository, path, start_line, "
                + "end_line, team, language, editor, model, source_sha256, imported_at, user_login FROM accepted_suggestions "
                + "ORDER BY accepted_at, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredSuggestion(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getLong(12), rs.getString(13)));
            }
        }
        return out;
    }

    public int count() {
        return workspace.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM accepted_suggestions");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }
}

package io.vigia.persistence.evidence;

import io.vigia.persistence.workspace.Workspace;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a repository's service is reachable from the internet, as the user declares it
 * ({@code repository_exposure}). Nothing is assumed: a repository without a declaration is
 * unknown, and the security risk shows its exposure as unknown.
 */
public final class RepositoryExposureRepository {
    private final Workspace workspace;

    public RepositoryExposureRepository(Workspace workspace) {
        this.workspace = workspace;
    }

    /** What the user declared: reachable from the internet, or only from inside. */
    public enum Exposure {
        INTERNET, INTERNAL;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@code internet} or {@code internal}; anything else is refused with the two accepted words. */
        public static Exposure parse(String text) {
            if (text != null) {
                for (Exposure e : values()) {
                    if (e.label().equalsIgnoreCase(text.strip())) {
                        return e;
                    }
                }
            }
            throw new IllegalArgumentException("exposure must be \"internet\" or \"internal\", not \"" + text + "\"");
        }
    }

    /** @param repository as the user wrote it ({@code github.com/org/repo}, a clone URL, {@code org/repo}) */
    public record Declaration(String repository, Exposure exposure, String note, long updatedAt) {
    }

    /** Declares (or re-declares) one repository. */
    public void declare(String repository, Exposure exposure, String note) {
        if (repository == null || repository.isBlank()) {
            throw new IllegalArgumentException("a repository is required");
        }
        long now = workspace.clock().millis();
        workspace.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO repository_exposure(repository, exposure, note, updated_at) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT(repository) DO UPDATE SET exposure = excluded.exposure, "
                    + "note = excluded.note, updated_at = excluded.updated_at")) {
                ps.setString(1, repository.strip());
                ps.setString(2, exposure.label());
                ps.setString(3, note == null ? "" : note);
                ps.setLong(4, now);
                return ps.executeUpdate();
            }
        });
    }

    /** Removes a declaration: the repository is unknown again. Returns whether there was one. */
    public boolean forget(String repository) {
        return workspace.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM repository_exposure WHERE repository = ?")) {
                ps.setString(1, repository == null ? "" : repository.strip());
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Every declaration, by repository. */
    public List<Declaration> all() {
        return workspace.read(c -> {
            List<Declaration> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT repository, exposure, note, updated_at FROM repository_exposure "
                    + "ORDER BY repository"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Declaration(rs.getString(1), Exposure.parse(rs.getString(2)), rs.getString(3), rs.getLong(4)));
                }
            }
            return out;
        });
    }
}

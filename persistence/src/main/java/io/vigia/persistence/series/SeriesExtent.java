package io.vigia.persistence.series;

import io.vigia.persistence.workspace.Workspace;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.OptionalLong;

/** The time span the workspace's series store holds, from its chunk index (no sample is decoded). */
public final class SeriesExtent {
    private SeriesExtent() {
    }

    /**
     * The id of the newest series, or empty when the store holds none: it changes when a series is
     * added, so what was learnt from the store's names (a source's bindings) can tell it is stale.
     */
    public static OptionalLong newestSeriesId(Workspace workspace) {
        return workspace.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT max(id) FROM series");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long id = rs.getLong(1);
                    return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(id);
                }
                return OptionalLong.empty();
            }
        });
    }

    /** The newest sample's time in milliseconds, or empty when the store holds none. */
    public static OptionalLong newestSampleTime(Workspace workspace) {
        return workspace.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT max(max_t) FROM chunks");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long t = rs.getLong(1);
                    return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(t);
                }
                return OptionalLong.empty();
            }
        });
    }
}

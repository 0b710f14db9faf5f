package io.vigia.dashboards.query;

import io.vigia.dashboards.model.DataOrigin;
import io.vigia.dashboards.model.PanelSources;

import java.util.List;
import java.util.Objects;

/**
 * Where a panel's data came from, for a panel that says so ({@link PanelSources}): the feed that
 * answered and its note, or, when none did, why the panel is empty.
 *
 * @param fedBy   the origins of the feed drawn; empty when nothing fed the panel (or it does not say)
 * @param note    what a reader must know about that feed (GitHub's caveats); empty for nothing
 * @param missing why the panel is empty ("Needs …", or "No data in this range …"); empty when fed
 */
public record Provenance(List<DataOrigin> fedBy, String note, String missing) {
    public static final Provenance NONE = new Provenance(List.of(), "", "");

    public Provenance {
        fedBy = List.copyOf(fedBy);
        note = Objects.requireNonNullElse(note, "");
        missing = Objects.requireNonNullElse(missing, "");
    }

    public static Provenance fed(PanelSources.Feed feed) {
        return new Provenance(feed.origins(), feed.note(), "");
    }

    public static Provenance missing(String reason) {
        return new Provenance(List.of(), "", reason);
    }

    /** Whether the panel says anything about its data's origin. */
    public boolean known() {
        return !fedBy.isEmpty() || !missing.isEmpty();
    }

    /** "Source: GitHub usage reports", with the feed's note after a middle dot; empty when not fed. */
    public String sourceLine() {
        if (fedBy.isEmpty()) {
            return "";
        }
        return "Source: " + String.join(" + ", fedBy.stream().map(DataOrigin::label).toList())
                + (note.isEmpty() ? "" : " · " + note);
    }

    /**
     * What a report prints under the panel: its {@link #sourceLine()}, or "No data. " and why when
     * nothing fed it; empty when the panel does not say.
     */
    public String reportLine() {
        return !fedBy.isEmpty() ? sourceLine() : missing.isEmpty() ? "" : "No data. " + missing;
    }
}

package io.vigia.dashboards.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which data can feed a panel, tried in order: the panel's own queries ({@code own}), then each
 * alternative's. The first whose queries give a value is drawn and the panel names it; when none
 * does, the panel says what would ({@link #needs()}). Every feed is plain PromQL, so the panel
 * stays exportable to Grafana (the own queries as its targets; the alternatives in Vigia's own
 * options, and in words in the description).
 *
 * <p>A stat's feeds each give their value as query {@code A} (and the period before as {@code B}),
 * so a report reads the value of whichever feed answered.
 *
 * @param own          what feeds the panel's own queries; null for a panel without alternatives
 * @param alternatives the other feeds, in the order they are tried
 */
public record PanelSources(Feed own, List<Alternative> alternatives) {
    public static final PanelSources NONE = new PanelSources(null, List.of());

    public PanelSources {
        alternatives = List.copyOf(Objects.requireNonNullElse(alternatives, List.of()));
        if (own == null && !alternatives.isEmpty()) {
            throw new IllegalArgumentException("alternatives need a feed for the panel's own queries");
        }
    }

    /** The panel's own queries come from {@code own}; no alternatives. */
    public static PanelSources of(Feed own) {
        return new PanelSources(own, List.of());
    }

    public PanelSources or(Feed feed, List<Query> queries) {
        List<Alternative> more = new ArrayList<>(alternatives);
        more.add(new Alternative(feed, queries));
        return new PanelSources(own, more);
    }

    /** Whether the panel says where its data comes from. */
    public boolean active() {
        return own != null;
    }

    /** Every feed, the panel's own first. */
    public List<Feed> feeds() {
        List<Feed> out = new ArrayList<>();
        if (own != null) {
            out.add(own);
        }
        alternatives.forEach(a -> out.add(a.feed()));
        return out;
    }

    /**
     * What would feed the panel: each feed's need, GitHub's reports first, then the assistants'
     * telemetry, then the rest (the order of {@link DataOrigin}), joined by "or".
     */
    public String needs() {
        Set<String> parts = new LinkedHashSet<>();
        feeds().stream().sorted(Comparator.comparingInt(f -> f.origins().getFirst().ordinal()))
                .forEach(f -> parts.add(f.needsText()));
        return "Needs " + String.join(" or ", parts);
    }

    /**
     * One way of feeding a panel.
     *
     * @param origins where its numbers come from (several when a ratio divides one by another)
     * @param needs   what the workspace needs for it, when more specific than the origins say
     *                (e.g. GitHub's user-teams report); empty for the origins' own words
     * @param note    what a reader must know when this feed draws the panel (GitHub's caveats);
     *                empty for nothing
     */
    public record Feed(List<DataOrigin> origins, String needs, String note) {
        public Feed {
            origins = List.copyOf(origins);
            if (origins.isEmpty()) {
                throw new IllegalArgumentException("a feed has at least one origin");
            }
            needs = Objects.requireNonNullElse(needs, "");
            note = Objects.requireNonNullElse(note, "");
        }

        public static Feed of(DataOrigin... origins) {
            return new Feed(List.of(origins), "", "");
        }

        public Feed withNeeds(String text) {
            return new Feed(origins, text, note);
        }

        public Feed withNote(String text) {
            return new Feed(origins, needs, text);
        }

        /** "GitHub usage reports", or "SARIF findings on accepted suggestions + GitHub usage reports". */
        public String label() {
            return String.join(" + ", origins.stream().map(DataOrigin::label).toList());
        }

        public String needsText() {
            return needs.isEmpty() ? String.join(" and ", origins.stream().map(DataOrigin::howTo).toList()) : needs;
        }
    }

    /** A feed and the queries that read it (the same refIds as the panel's own, where they play the same part). */
    public record Alternative(Feed feed, List<Query> queries) {
        public Alternative {
            Objects.requireNonNull(feed);
            queries = List.copyOf(queries);
        }
    }
}

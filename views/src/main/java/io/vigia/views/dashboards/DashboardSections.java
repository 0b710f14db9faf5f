package io.vigia.views.dashboards;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.Panel;

import java.util.ArrayList;
import java.util.List;

/**
 * An open dashboard's sections (Grafana's rows and tabs) with whether each is open. Only the
 * panels on screen load: opening a section calls {@code opened}, which loads its panels.
 */
final class DashboardSections {
    private final Runnable opened;
    private List<SectionState> states = List.of();

    DashboardSections(Runnable opened) {
        this.opened = opened;
    }

    /** The sections of {@code d}, those open before staying open; a new list after every edit. */
    void show(Dashboard d) {
        List<SectionState> next = SectionState.of(d.sections());
        SectionState.keepOpen(states, next);
        listen(next);
        states = next;
    }

    List<SectionState> states() {
        return states;
    }

    /** The panels on screen: the dashboard's own grid and those of open sections. */
    List<Panel> shownPanels(Dashboard d) {
        List<Panel> out = new ArrayList<>(d.panels());
        SectionState.visiblePanels(states, out);
        return out;
    }

    private void listen(List<SectionState> list) {
        for (SectionState st : list) {
            st.openProperty().addListener((o, was, now) -> {
                if (now) {
                    opened.run();
                }
            });
            listen(st.children());
        }
    }
}

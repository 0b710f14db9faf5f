package io.vigia.views.dashboards;

import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.Section;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * One section of an open dashboard as the view shows it: whether it is open (a row expanded, a
 * tab the selected one of its group) and its nested sections. Only the panels of open sections
 * are loaded. Changed on the UI thread only.
 */
public final class SectionState {
    private final Section section;
    private final BooleanProperty open;
    private final List<SectionState> children;

    private SectionState(Section section, boolean open, List<SectionState> children) {
        this.section = section;
        this.open = new SimpleBooleanProperty(open);
        this.children = List.copyOf(children);
    }

    /** The states of a list of sections: rows as saved, the first tab of each group of tabs open. */
    static List<SectionState> of(List<Section> sections) {
        List<SectionState> out = new ArrayList<>();
        boolean previousWasTab = false;
        for (Section s : sections) {
            boolean tab = s.kind() == Section.Kind.TAB;
            boolean open = tab ? !previousWasTab : !s.collapsed();
            out.add(new SectionState(s, open, of(s.sections())));
            previousWasTab = tab;
        }
        return out;
    }

    public Section section() {
        return section;
    }

    /** A row expanded, or the tab shown of its group. */
    public BooleanProperty openProperty() {
        return open;
    }

    public List<SectionState> children() {
        return children;
    }

    /** The panels shown: those of open sections, down the tree. */
    static void visiblePanels(List<SectionState> states, List<Panel> out) {
        for (SectionState st : states) {
            if (st.open.get()) {
                out.addAll(st.section.panels());
                visiblePanels(st.children, out);
            }
        }
    }

    /** Copies which sections were open from an earlier version of the same dashboard, where the shape matches. */
    static void keepOpen(List<SectionState> before, List<SectionState> after) {
        for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
            SectionState b = before.get(i);
            SectionState a = after.get(i);
            if (b.section.kind() == a.section.kind() && b.section.title().equals(a.section.title())) {
                a.open.set(b.open.get());
                keepOpen(b.children, a.children);
            }
        }
    }
}

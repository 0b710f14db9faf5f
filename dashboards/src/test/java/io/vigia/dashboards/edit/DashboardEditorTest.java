package io.vigia.dashboards.edit;

import io.vigia.dashboards.model.Dashboard;
import io.vigia.dashboards.model.FieldConfig;
import io.vigia.dashboards.model.GridPos;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardEditorTest {
    private static Panel panel(int id, int x, int y, int w, int h) {
        return Panel.of(id, PanelType.TIME_SERIES, "P" + id, new GridPos(x, y, w, h),
                List.of(Query.promql("A", "up", "")), FieldConfig.DEFAULT);
    }

    private static Dashboard board() {
        return new Dashboard("d", "Board", List.of(), "now-6h", "now", "", List.of(),
                List.of(panel(1, 0, 0, 12, 8), panel(2, 12, 0, 12, 8), panel(3, 0, 8, 24, 8)), List.of());
    }

    @Test
    void movingAPanelOntoOthersPushesThemDownWithoutOverlap() {
        DashboardEditor editor = new DashboardEditor(board());
        Dashboard d = editor.move(3, 0, 0);
        assertThat(d.panels()).extracting(p -> p.grid().y()).containsExactly(8, 8, 0);
        for (Panel a : d.panels()) {
            for (Panel b : d.panels()) {
                if (a != b) {
                    assertThat(a.grid().overlaps(b.grid())).isFalse();
                }
            }
        }
    }

    @Test
    void undoAndRedoRestoreExactVersions() {
        Dashboard start = board();
        DashboardEditor editor = new DashboardEditor(start);
        Dashboard moved = editor.move(1, 0, 20);
        Dashboard resized = editor.resize(2, 6, 4);
        assertThat(editor.undo()).isEqualTo(moved);
        assertThat(editor.undo()).isEqualTo(start);
        assertThat(editor.canUndo()).isFalse();
        assertThat(editor.redo()).isEqualTo(moved);
        assertThat(editor.redo()).isEqualTo(resized);
        editor.undo();
        editor.remove(3);
        assertThat(editor.canRedo()).as("a new edit clears redo").isFalse();
    }

    @Test
    void duplicateGetsANewIdACopyTitleAndItsOwnPlace() {
        DashboardEditor editor = new DashboardEditor(board());
        Dashboard d = editor.duplicate(3);
        Panel copy = d.panels().get(3);
        assertThat(copy.id()).isEqualTo(4);
        assertThat(copy.title()).isEqualTo("P3 (copy)");
        assertThat(copy.queries()).isEqualTo(d.panels().get(2).queries());
        assertThat(copy.grid().overlaps(d.panels().get(2).grid())).isFalse();
    }

    @Test
    void addedPanelsGoBelowTheLowest() {
        DashboardEditor editor = new DashboardEditor(board());
        Dashboard d = editor.add(panel(0, 0, 0, 8, 6));
        assertThat(d.panels().getLast().grid()).isEqualTo(new GridPos(0, 16, 8, 6));
        assertThat(d.panels().getLast().id()).isEqualTo(4);
    }
}

package io.vigia.views.dashboards;

import io.vigia.views.chart.JavaFxToolkit;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static io.vigia.views.chart.JavaFxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

/** Edit mode's controls: three buttons on a wide panel, one menu on a narrow stat, the same actions. */
@ExtendWith(JavaFxToolkit.class)
class PanelEditBarTest {

    @Test
    void aNarrowPanelGetsOneMenuAWidePanelThreeButtonsWithTheSameActions() throws Exception {
        List<String> done = new ArrayList<>();
        SimpleDoubleProperty width = new SimpleDoubleProperty(170);
        PanelEditBar bar = onFx(() -> new PanelEditBar(7, () -> done.add("edit"), () -> done.add("duplicate"),
                () -> done.add("remove"), width));
        MenuButton menu = (MenuButton) bar.lookup("#edit-menu-7");
        Button edit = (Button) bar.lookup("#edit-panel-7");
        assertThat(shown(menu)).as("a stat a sixth of the row wide").isTrue();
        assertThat(shown(edit)).isFalse();
        onFx(() -> {
            menu.getItems().forEach(javafx.scene.control.MenuItem::fire);
            return null;
        });
        assertThat(done).containsExactly("edit", "duplicate", "remove");

        onFx(() -> {
            width.set(600);
            return null;
        });
        assertThat(shown(menu)).isFalse();
        assertThat(shown(edit)).isTrue();
        assertThat(edit.getMinWidth()).as("a button keeps its word").isEqualTo(javafx.scene.layout.Region.USE_PREF_SIZE);
        onFx(() -> {
            edit.fire();
            return null;
        });
        assertThat(done).containsExactly("edit", "duplicate", "remove", "edit");
    }

    private static boolean shown(Node n) {
        return n.isVisible() && n.isManaged();
    }
}

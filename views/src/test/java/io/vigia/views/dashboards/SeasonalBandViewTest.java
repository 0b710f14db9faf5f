package io.vigia.views.dashboards;

import io.vigia.dashboards.chart.ChartColor;
import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.store.DashboardStore;
import io.vigia.views.chart.JavaFxToolkit;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.image.PixelReader;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.vigia.views.chart.JavaFxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A time series panel's usual band turned on from its context menu, opened from the keyboard, in
 * a real (headless) window: the band is shaded on the panel's canvas in the series' colour.
 */
@ExtendWith(JavaFxToolkit.class)
class SeasonalBandViewTest {
    @TempDir
    Path dir;

    /** Pixels of the panel's canvas with the band's tint of the first series' colour over the plot. */
    private static int tinted(PanelView view) {
        view.paintNow();
        PixelReader r = view.canvas().canvas().snapshot(null, null).getPixelReader();
        ChartTheme theme = ChartTheme.light();
        ChartColor tint = theme.plotBackground().mix(theme.seriesColor(0), 0.18);
        int n = 0;
        int w = (int) view.canvas().canvas().getWidth();
        int h = (int) view.canvas().canvas().getHeight();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = r.getArgb(x, y);
                if (Math.abs(((argb >> 16) & 0xff) - tint.red()) <= 3 && Math.abs(((argb >> 8) & 0xff) - tint.green()) <= 3
                        && Math.abs((argb & 0xff) - tint.blue()) <= 3) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void theContextMenuTurnsTheBandOnAndItIsShadedBehindTheSeries() throws Exception {
        try (LoadHistory h = new LoadHistory(dir.resolve("w.vigia"), 40)) {
            DashboardStore store = new DashboardStore(h.workspace);
            store.save(LoadHistory.dashboard());
            DashboardViewModel vm = h.open(store.load("load").orElseThrow());
            vm.editing().setSaver(store::save);
            Stage stage = onFx(() -> {
                DashboardView v = new DashboardView(vm, new SimpleBooleanProperty(false), new SimpleBooleanProperty(false), () -> { },
                        () -> { });
                Stage s = new Stage();
                s.setScene(new Scene(v, 1280, 900));
                s.show();
                v.applyCss();
                v.layout();
                vm.refresh();
                return s;
            });
            try {
                DashboardView view = (DashboardView) stage.getScene().getRoot();
                PanelView before = view.panelViews().getFirst();
                // a few anti-aliased pixels of the lines can have the tint by chance
                int without = onFx(() -> tinted(before));
                assertThat(without).as("no band before it is asked for").isLessThan(200);
                assertThat(before.isFocusTraversable()).as("reachable from the keyboard").isTrue();

                CheckMenuItem item = onFx(() -> {
                    before.requestFocus();
                    Bounds b = before.localToScreen(before.getBoundsInLocal());
                    // what the context-menu key (or Shift+F10) sends to the focused panel
                    before.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 10, b.getMinX() + 10,
                            b.getMinY() + 10, true, null));
                    ContextMenu menu = (ContextMenu) Window.getWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing())
                            .findFirst().orElseThrow();
                    return (CheckMenuItem) menu.getItems().stream().filter(i -> "panel-band-1".equals(i.getId())).findFirst().orElseThrow();
                });
                assertThat(item.isSelected()).isFalse();
                onFx(() -> {
                    item.fire();
                    view.applyCss();
                    view.layout();
                    return null;
                });
                PanelView after = view.panelViews().getFirst();
                assertThat(after.panel().options().graph().seasonalBand()).isTrue();
                assertThat(vm.dataProperty(after.panel()).get().baseline().bands()).hasSize(2);
                assertThat(onFx(() -> tinted(after))).as("the band is shaded on the canvas").isGreaterThan(without + 5000);
                assertThat(store.load("load").orElseThrow().panels().getFirst().options().graph().seasonalBand()).isTrue();
            } finally {
                onFx(() -> {
                    stage.close();
                    return null;
                });
            }
        }
    }
}

package io.vigia.views.dashboards;

import io.vigia.dashboards.model.PanelType;
import io.vigia.views.chart.LogScroll;
import java.time.Duration;
import java.time.Instant;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.shape.Polygon;
import io.vigia.dashboards.chart.ChartTheme;
import io.vigia.dashboards.chart.axis.Unit;
import io.vigia.dashboards.chart.render.LegendState;
import io.vigia.dashboards.paint.PanelPainter;
import io.vigia.dashboards.chart.render.TimeSeriesLayout;
import io.vigia.dashboards.chart.render.TimeSeriesRenderer;
import io.vigia.dashboards.chart.render.Tooltip;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.query.PanelData;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.views.chart.ChartCanvas;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;

import java.util.List;
import java.util.Optional;

/**
 * One panel of an open dashboard: paints it with {@link PanelPainter}, shows a crosshair tooltip
 * on time series, toggles series from the legend, and zooms the dashboard on a horizontal drag
 * (double-click goes back), as in Grafana. Shift+drag selects a region instead (Escape or a click
 * lets it go); a time series panel's context menu ({@link PanelMenu}) turns its usual band on and
 * off and asks what changed in the region.
 */
public final class PanelView extends StackPane {
    private final Panel panel;
    private final DashboardViewModel vm;
    private final ChartCanvas canvas = new ChartCanvas();
    private final Rectangle selection = new Rectangle();
    /** The region selected with Shift+drag for "What changed here", kept in time so that it follows the axis. */
    private final Rectangle regionMark = new Rectangle();
    private long[] region;
    private boolean selectingRegion;
    private final Label stale = new Label();
    private LegendState legend = LegendState.ALL_VISIBLE;
    private TimeSeriesLayout layout;
    private double hoverX = Double.NaN;
    private double dragStart = Double.NaN;
    private final LogScroll logScroll;

    PanelView(Panel panel, DashboardViewModel vm, ObservableBooleanValue dark) {
        this.panel = panel;
        this.vm = vm;
        getStyleClass().add("dashboard-panel");
        setId("panel-" + panel.id());
        selection.getStyleClass().add("zoom-selection");
        selection.setManaged(false);
        selection.setVisible(false);
        regionMark.getStyleClass().add("region-selection");
        regionMark.setId("region-" + panel.id());
        regionMark.setManaged(false);
        regionMark.setMouseTransparent(true);
        regionMark.setVisible(false);
        stale.getStyleClass().add("panel-stale");
        stale.setId("panel-stale-" + panel.id());
        stale.setVisible(false);
        StackPane.setAlignment(stale, Pos.TOP_RIGHT);
        StackPane.setMargin(stale, new Insets(4, 8, 0, 0));
        getChildren().addAll(canvas, selection, regionMark, stale);
        canvas.setPrefSize(10, 10);
        logScroll = LogScroll.attach(canvas, () -> {
            PanelData d = vm.dataProperty(panel).get();
            return d == null ? 0 : d.logs().size();
        }, i -> {
            PanelData d = vm.dataProperty(panel).get();
            return d == null || i >= d.logs().size() ? null : d.logs().get(i);
        });
        canvas.setPainter(s -> {
            PanelData data = vm.dataProperty(panel).get();
            // data is drawn on the range it answers: until a new range's answer arrives, the old
            // data keeps its own axis
            TimeRange r = data != null && data.range() != null ? data.range() : vm.range().resolvedProperty().get();
            if (r == null) {
                return;
            }
            ChartTheme theme = dark.get() ? ChartTheme.dark() : ChartTheme.light();
            if (panel.type() == PanelType.LOGS) {
                layout = null;
                logScroll.painted(PanelPainter.paintLogs(s, panel, data, new PanelPainter.Context(r.from().toEpochMilli(),
                        r.to().toEpochMilli(), vm.zone(), theme, legend, List.of()), logScroll.first()));
                return;
            }
            layout = PanelPainter.paint(s, panel, data, new PanelPainter.Context(r.from().toEpochMilli(),
                    r.to().toEpochMilli(), vm.zone(), theme, legend, vm.annotations().annotationsProperty().get())).orElse(null);
            placeRegion();
            if (layout != null && data != null && !Double.isNaN(hoverX)) {
                Optional<Tooltip> tip = Tooltip.at(layout, data.series(), hoverX, Unit.fromGrafanaId(panel.fieldConfig().unit()));
                TimeSeriesRenderer.paintCrosshair(s, layout, tip, theme, vm.zone());
            }
        });
        vm.dataProperty(panel).addListener((o, a, b) -> {
            logScroll.reset();
            showStaleness(b);
            canvas.requestRepaint();
        });
        vm.annotations().annotationsProperty().addListener((o, a, b) -> canvas.requestRepaint());
        vm.range().resolvedProperty().addListener((o, a, b) -> canvas.requestRepaint());
        dark.addListener((o, a, b) -> canvas.requestRepaint());
        wireMouse();
        PanelMenu.attach(this, panel, vm, this::selectedRegion);
    }

    /** Edit mode: Edit…, Duplicate and Remove at the panel's top right, and a resize corner. */
    void showEditBar(Runnable edit, Runnable duplicate, Runnable remove) {
        PanelEditBar bar = new PanelEditBar(panel.id(), edit, duplicate, remove, widthProperty());
        StackPane.setAlignment(bar, Pos.TOP_RIGHT);
        StackPane.setMargin(bar, new Insets(4, 6, 0, 0));
        Polygon corner = new Polygon(14, 0, 14, 14, 0, 14);
        corner.getStyleClass().add("panel-resize-corner");
        StackPane.setAlignment(corner, Pos.BOTTOM_RIGHT);
        getStyleClass().add("editing");
        getChildren().addAll(bar, corner);
    }

    /** A badge with the data's age when it is the cache's answer, not the source's. */
    private void showStaleness(PanelData d) {
        if (d == null || !d.isStale()) {
            stale.setVisible(false);
            return;
        }
        Duration age = Duration.between(d.staleSince(), vm.clock().instant());
        stale.setText("stale · fetched " + ageText(age) + " ago");
        stale.setTooltip(new javafx.scene.control.Tooltip("Fetched " + d.staleSince().atZone(vm.zone()).toLocalDateTime().withNano(0)
                + (d.notices().isEmpty() ? "; waiting for the source" : "\n" + String.join("\n", d.notices()))));
        stale.setVisible(true);
    }

    /** Ctrl+click on a chart, as in Grafana: an annotation at that time, on every time panel. */
    private void askForAnnotation(long timeMs) {
        TextInputDialog ask = new TextInputDialog();
        ask.setTitle("Add annotation");
        ask.setHeaderText("Annotation at " + Instant.ofEpochMilli(timeMs).atZone(vm.zone()).toLocalDateTime().withSecond(0).withNano(0));
        ask.setContentText("Text:");
        if (getScene() != null) {
            ask.initOwner(getScene().getWindow());
        }
        ask.showAndWait().ifPresent(text -> vm.addAnnotation(timeMs, text));
    }

    static String ageText(Duration age) {
        long s = Math.max(0, age.toSeconds());
        if (s < 90) {
            return s + " s";
        }
        if (s < 90 * 60) {
            return (s / 60) + " min";
        }
        if (s < 36 * 3600) {
            return (s / 3600) + " h";
        }
        return (s / 86400) + " d";
    }

    private void wireMouse() {
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            hoverX = e.getX();
            canvas.requestRepaint();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hoverX = Double.NaN;
            canvas.requestRepaint();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (layout != null && e.getButton() == MouseButton.PRIMARY && layout.plot().contains(e.getX(), e.getY())) {
                dragStart = e.getX();
                // Shift+drag selects a region for "What changed here"; a plain drag zooms, as in Grafana
                selectingRegion = e.isShiftDown();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (!Double.isNaN(dragStart)) {
                Rectangle mark = selectingRegion ? regionMark : selection;
                double x0 = Math.max(layout.plot().x(), Math.min(dragStart, e.getX()));
                double x1 = Math.min(layout.plot().right(), Math.max(dragStart, e.getX()));
                mark.setX(x0);
                mark.setY(layout.plot().y());
                mark.setWidth(Math.max(0, x1 - x0));
                mark.setHeight(layout.plot().height());
                mark.setVisible(true);
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            selection.setVisible(false);
            if (!Double.isNaN(dragStart) && layout != null && Math.abs(e.getX() - dragStart) > 5) {
                Optional<Long> a = layout.timeAt(Math.max(layout.plot().x(), Math.min(dragStart, e.getX())));
                Optional<Long> b = layout.timeAt(Math.min(layout.plot().right(), Math.max(dragStart, e.getX())));
                if (a.isPresent() && b.isPresent()) {
                    if (selectingRegion) {
                        selectRegion(a.get(), b.get());
                    } else {
                        vm.range().zoomTo(a.get(), b.get());
                    }
                }
            } else if (!Double.isNaN(dragStart)) {
                clearRegion(); // a click on the plot lets the region go
            }
            dragStart = Double.NaN;
            selectingRegion = false;
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && region != null) {
                clearRegion();
                e.consume();
            } else if (e.isShiftDown() && !e.isShortcutDown() && layout != null && regionKey(e.getCode())) {
                e.consume();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getClickCount() == 2) {
                vm.range().back();
                return;
            }
            if (layout == null || vm.dataProperty(panel).get() == null) {
                return;
            }
            List<String> names = vm.dataProperty(panel).get().series().stream().map(s -> s.name()).toList();
            Optional<String> legendItem = layout.legendItemAt(e.getX(), e.getY());
            legendItem.ifPresent(name -> {
                legend = e.isShortcutDown() ? legend.toggle(name) : legend.isolate(name, names);
                canvas.requestRepaint();
            });
            if (legendItem.isEmpty() && e.isShortcutDown() && vm.annotations().canAnnotate() && layout.plot().contains(e.getX(), e.getY())) {
                layout.timeAt(e.getX()).ifPresent(this::askForAnnotation);
            }
        });
    }

    /**
     * The region from the keyboard, on the focused panel: Shift+← and Shift+→ move it by a fortieth
     * of the range, Shift+↑ widens and Shift+↓ narrows it on the left; the first key selects the
     * last tenth of the range.
     */
    private boolean regionKey(KeyCode code) {
        if (code != KeyCode.LEFT && code != KeyCode.RIGHT && code != KeyCode.UP && code != KeyCode.DOWN) {
            return false;
        }
        long from = layout.x().from();
        long to = layout.x().to();
        long unit = Math.max(1, (to - from) / 40);
        if (region == null) {
            selectRegion(to - 4 * unit, to);
            return true;
        }
        long a = region[0];
        long b = region[1];
        switch (code) {
            case LEFT -> {
                long d = Math.min(unit, a - from);
                a -= d;
                b -= d;
            }
            case RIGHT -> {
                long d = Math.min(unit, to - b);
                a += d;
                b += d;
            }
            case UP -> a = Math.max(from, a - unit);
            default -> a = Math.min(b - unit, a + unit);
        }
        selectRegion(a, b);
        return true;
    }

    /** Selects the region {@code fromMillis}..{@code toMillis} for "What changed here" (what Shift+drag does). */
    void selectRegion(long fromMillis, long toMillis) {
        region = new long[]{Math.min(fromMillis, toMillis), Math.max(fromMillis, toMillis)};
        placeRegion();
    }

    /** The region selected with Shift+drag, as {from, to} in epoch milliseconds. */
    Optional<long[]> selectedRegion() {
        return Optional.ofNullable(region).map(long[]::clone);
    }

    private void clearRegion() {
        region = null;
        regionMark.setVisible(false);
    }

    /** The region's mark where its times are on the current axis; hidden when they are off it. */
    private void placeRegion() {
        if (region == null) {
            regionMark.setVisible(false);
            return;
        }
        if (layout == null) {
            return; // placed at the next paint that has an axis
        }
        double x0 = Math.max(layout.plot().x(), layout.x().toPixel(region[0]));
        double x1 = Math.min(layout.plot().right(), layout.x().toPixel(region[1]));
        regionMark.setX(x0);
        regionMark.setY(layout.plot().y());
        regionMark.setWidth(Math.max(0, x1 - x0));
        regionMark.setHeight(layout.plot().height());
        regionMark.setVisible(x1 > x0);
    }

    /** The first log line drawn (0 is the newest), for tests. */
    public int firstLogLine() {
        return logScroll.first();
    }

    /** Scrolls a logs panel by {@code lines}, as the wheel does. */
    public boolean scrollLogs(int lines) {
        return logScroll.scrollBy(lines);
    }

    public Panel panel() {
        return panel;
    }

    /** Paints now, for snapshots and tests. */
    public void paintNow() {
        canvas.paintNow();
    }

    ChartCanvas canvas() {
        return canvas;
    }
}

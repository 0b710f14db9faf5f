package io.vigia.views.dashboards;

import io.vigia.dashboards.model.Panel;
import javafx.scene.layout.Pane;

import java.util.ArrayList;
import java.util.List;

/** Panels laid out on Grafana's 24-column grid: the dashboard's own, or one section's. */
final class PanelGrid extends Pane {
    private final List<PanelView> panels = new ArrayList<>();

    PanelGrid() {
        getStyleClass().add("dashboard-grid");
    }

    void add(PanelView view) {
        panels.add(view);
        getChildren().add(view);
    }

    List<PanelView> panels() {
        return panels;
    }

    @Override
    protected void layoutChildren() {
        double col = (getWidth() - DashboardView.GAP) / 24.0;
        for (PanelView p : panels) {
            Panel m = p.panel();
            p.resizeRelocate(DashboardView.GAP + m.grid().x() * col, DashboardView.GAP + m.grid().y() * DashboardView.ROW_HEIGHT,
                    Math.max(10, m.grid().w() * col - DashboardView.GAP), Math.max(10, m.grid().h() * DashboardView.ROW_HEIGHT - DashboardView.GAP));
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        int rows = panels.stream().mapToInt(p -> p.panel().grid().y() + p.panel().grid().h()).max().orElse(0);
        return rows == 0 ? 0 : rows * DashboardView.ROW_HEIGHT + 2 * DashboardView.GAP;
    }
}

package io.vigia.dashboards.grafana;

import io.vigia.dashboards.model.Dashboard;

import java.util.List;

/** An imported dashboard and what could not be carried over, one sentence each. */
public record GrafanaImport(Dashboard dashboard, List<String> warnings) {
}

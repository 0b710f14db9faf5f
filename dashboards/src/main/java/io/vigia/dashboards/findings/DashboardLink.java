package io.vigia.dashboards.findings;

import java.time.Instant;

/** Where to look: a dashboard and the range to open it at. */
public record DashboardLink(String dashboardUid, Instant from, Instant to) {
}

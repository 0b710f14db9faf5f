package io.vigia.persistence.workspace;

/**
 * A dashboard as the workspace stores it: its document (Vigia's JSON format, owned by the
 * dashboards module) and an optimistic version that grows with every save.
 */
public record StoredDashboard(String uid, String title, String document, long version, long updatedAt) {
}

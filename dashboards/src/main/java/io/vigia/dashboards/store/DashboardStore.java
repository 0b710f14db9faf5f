package io.vigia.dashboards.store;

import io.vigia.dashboards.grafana.GrafanaExporter;
import io.vigia.dashboards.grafana.GrafanaImport;
import io.vigia.dashboards.grafana.GrafanaImporter;
import io.vigia.dashboards.model.Dashboard;
import io.vigia.persistence.workspace.DashboardRepository;
import io.vigia.persistence.workspace.StoredDashboard;
import io.vigia.persistence.workspace.Workspace;

import java.util.List;
import java.util.Optional;

/** Dashboards of a workspace as model objects, stored in Vigia's format. */
public final class DashboardStore {
    private final DashboardRepository repository;

    public DashboardStore(Workspace workspace) {
        this.repository = new DashboardRepository(workspace);
    }

    /** Saves one version; returns the stored version number. */
    public long save(Dashboard d) {
        return repository.save(d.uid(), d.title(), GrafanaExporter.write(d, GrafanaExporter.Format.VIGIA));
    }

    public Optional<Dashboard> load(String uid) {
        return repository.find(uid).map(s -> GrafanaImporter.read(s.document()).dashboard());
    }

    /** A dashboard by uid, or else by title (case-insensitive), as users name them on the command line. */
    public Optional<Dashboard> find(String uidOrTitle) {
        Optional<Dashboard> byUid = load(uidOrTitle);
        if (byUid.isPresent()) {
            return byUid;
        }
        return repository.list().stream().filter(s -> s.title().equalsIgnoreCase(uidOrTitle)).findFirst()
                .map(s -> GrafanaImporter.read(s.document()).dashboard());
    }

    public List<StoredDashboard> list() {
        return repository.list();
    }

    public boolean delete(String uid) {
        return repository.delete(uid);
    }

    /** Imports Grafana or Vigia JSON and saves it; the warnings say what was left out. */
    public GrafanaImport importJson(String json) {
        GrafanaImport imp = GrafanaImporter.read(json);
        save(imp.dashboard());
        return imp;
    }
}

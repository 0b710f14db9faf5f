package io.vigia.app.gui;

import io.vigia.app.ask.AskSetup;
import io.vigia.dashboards.ask.AskContext;
import io.vigia.dashboards.ask.AskContextLoader;
import io.vigia.dashboards.ask.AskHistory;
import io.vigia.dashboards.ask.AskAnswer;
import io.vigia.dashboards.ask.AskRunner;
import io.vigia.dashboards.ask.AskService;
import io.vigia.dashboards.ask.MiniLmEmbedder;
import io.vigia.dashboards.ask.ModelEndpoint;
import io.vigia.dashboards.ask.ModelPlanner;
import io.vigia.dashboards.ask.OfflinePlanner;
import io.vigia.dashboards.ask.QueryLimits;
import io.vigia.dashboards.ask.StepGuard;
import io.vigia.dashboards.demo.DemoWorkspace;
import io.vigia.dashboards.findings.DashboardLink;
import io.vigia.dashboards.findings.Finding;
import io.vigia.dashboards.findings.WatchedSeriesList;
import io.vigia.dashboards.findings.SecurityRisk;
import io.vigia.dashboards.report.FindingsSection;
import io.vigia.dashboards.report.SecurityRiskSection;
import io.vigia.dashboards.time.TimeRange;
import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.bindings.store.BindingsOnFirstUse;
import io.vigia.datasources.secrets.SecretResolver;
import io.vigia.datasources.secrets.SecretStore;
import io.vigia.datasources.sources.DataSourceCatalog;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.ask.AskDialog;
import io.vigia.views.ask.AskDialogViewModel;
import io.vigia.views.ask.LazyEmbedder;
import io.vigia.views.findings.FindingsPage;
import io.vigia.views.findings.FindingsViewModel;
import io.vigia.views.tasks.TaskScope;
import javafx.application.Platform;
import javafx.stage.Window;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Ask dialog and the Findings page over the workspace's default source, as {@code vigia ask}
 * and the weekly report's Findings section compute them: one sentence model for the app (loaded
 * on the first question that needs it), the context read each time the dialog opens, "now" from
 * the dashboards' clock (the demo's end while the demo is shown).
 */
final class AskWiring {
    private AskWiring() {
    }

    static AskDialog askDialog(Workspace workspace, DataSourceCatalog catalog, BindingsOnFirstUse bindings, SecretStore secrets,
                               Clock clock, ZoneId zone, TaskScope tasks, Consumer<AskService.ExploreRequest> explore,
                               Consumer<AskAnswer.Dashboard> dashboard, Supplier<Window> owner) {
        LazyEmbedder embedder = new LazyEmbedder(new MiniLmEmbedder());
        SettingsRepository settings = new SettingsRepository(workspace);
        AskDialogViewModel.Sessions sessions = () -> {
            MetricsSource source = catalog.metricsSource("");
            StepGuard guard = new StepGuard(QueryLimits.DEFAULTS);
            AskContext ctx = AskContextLoader.load(source, bindings.of(""), AskSetup.storedDashboards(workspace), clock.instant(),
                    zone, DemoWorkspace.INTERVAL, AskSetup.help(source));
            ModelEndpoint endpoint = ModelEndpoint.fromSettings(settings.all()).orElse(null);
            String key = endpoint == null ? null
                    : SecretResolver.withSystemEnvironment(secrets).find(endpoint.key()).orElse(null);
            AskService service = new AskService(new OfflinePlanner(embedder),
                    endpoint == null ? null : new ModelPlanner(endpoint, key, guard),
                    new AskRunner(source, AskSetup.logs(workspace), guard), guard);
            return new AskDialogViewModel.Session(service, ctx);
        };
        AskDialogViewModel.Handoffs handoffs = new AskDialogViewModel.Handoffs(explore, dashboard, q -> new AskHistory(settings).add(q));
        return new AskDialog(new AskDialogViewModel(sessions, embedder, tasks, Platform::runLater, handoffs), owner);
    }

    /** The report's finder (anomalies with their changes, and the security risk of SAST findings) over the default source. */
    static FindingsPage findingsPage(Workspace workspace, DataSourceCatalog catalog, BindingsOnFirstUse bindings, Clock clock,
                                     ZoneId zone, TaskScope tasks, javafx.beans.value.ObservableBooleanValue dark,
                                     Consumer<DashboardLink> open) {
        FindingsViewModel.Finder finder = new FindingsViewModel.Finder() {
            @Override
            public List<Finding> find(TimeRange range, ZoneId z) throws Exception {
                return SecurityRiskSection.withRiskFindings(FindingsSection.DEFAULT, SecurityRisk.load(workspace))
                        .find(catalog.metricsSource(""), bindings.of(""), range, z);
            }

            @Override
            public List<String> notWatched() {
                return WatchedSeriesList.of(bindings.of("")).notWatched();
            }
        };
        return new FindingsPage(new FindingsViewModel(finder, clock, zone, tasks, open), dark);
    }
}

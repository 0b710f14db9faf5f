package io.vigia.datasources.copilot;

import io.vigia.datasources.copilot.usage.ReportKind;
import io.vigia.datasources.copilot.usage.ReportRecord;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code vigia sync copilot}: backfills every report of every day the usage-report API offers
 * (from 2025-10-10, up to one year back; the REST docs: "Reports are available starting from
 * October 10, 2025, and historical data can be accessed for up to 1 year from the current date"),
 * once per report and day: the fetch log remembers what was stored, so a daily run asks only for
 * the new days (and, for a few days, for reports GitHub had not published yet). The latest 28-day
 * reports stand in for 28 one-day requests each. Fetched reports are written every
 * {@value #BATCH_DAYS} days and when the sync stops, rate limit or not, so a run cut short keeps
 * what it fetched and the next run goes on from there. The seat list is read page by page.
 */
public final class CopilotSync {
    public static final LocalDate FIRST_REPORT_DAY = LocalDate.of(2025, 10, 10);
    public static final int HISTORY_DAYS = 365;
    static final int BATCH_DAYS = 14;

    /** What to fetch: the days, the daily reports, the 28-day shortcut, the seat list. */
    public record Plan(LocalDate from, LocalDate to, List<ReportEndpoint> daily, boolean latest28Days, boolean seats) {
        public Plan {
            daily = List.copyOf(daily);
        }

        /** Every day the API offers, every daily report, the 28-day reports and the seat list. */
        public static Plan wholeWindow(Clock clock) {
            LocalDate yesterday = today(clock).minusDays(1);
            return new Plan(windowStart(clock), yesterday, List.of(ReportEndpoint.ENTITY_1_DAY, ReportEndpoint.USERS_1_DAY,
                    ReportEndpoint.USER_TEAMS_1_DAY, ReportEndpoint.REPOS_1_DAY), true, true);
        }

        /** As {@link #wholeWindow} but only the last {@code days} days up to yesterday. */
        public static Plan lastDays(Clock clock, int days) {
            Plan all = wholeWindow(clock);
            LocalDate from = all.to().minusDays(days - 1L);
            return new Plan(from.isBefore(all.from()) ? all.from() : from, all.to(), all.daily(), true, true);
        }
    }

    /**
     * @param requests       report requests made (downloads not counted)
     * @param reportsStored  reports (a report of a day, or a 28-day report) that had records
     * @param reportsEmpty   reports GitHub had nothing in
     * @param seats          seats in the seat list, -1 when not read
     */
    public record Summary(int requests, int reportsStored, int reportsEmpty, int recordsAdded, int recordsRevised, int recordsUnchanged,
                          int healthDays, int seats) {
    }

    private final GitHubCopilotClient client;
    private final Workspace workspace;
    private final SqliteSeriesStore store;
    private final Clock clock;

    public CopilotSync(GitHubCopilotClient client, Workspace workspace, SqliteSeriesStore store, Clock clock) {
        this.client = client;
        this.workspace = workspace;
        this.store = store;
        this.clock = clock;
    }

    static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    static LocalDate windowStart(Clock clock) {
        LocalDate yearBack = today(clock).minusDays(HISTORY_DAYS);
        return yearBack.isBefore(FIRST_REPORT_DAY) ? FIRST_REPORT_DAY : yearBack;
    }

    private record Request(ReportEndpoint report, LocalDate day) {
    }

    public Summary sync(Plan plan, SyncProgress.Listener listener) {
        String scope = client.owner().name();
        LocalDate today = today(clock);
        FetchLog log = FetchLog.load(workspace, scope);
        List<Request> todo = new ArrayList<>();
        for (LocalDate d = plan.to(); !d.isBefore(plan.from()); d = d.minusDays(1)) {
            for (ReportEndpoint e : plan.daily()) {
                if (log.needs(e, d, today)) {
                    todo.add(new Request(e, d));
                }
            }
        }
        List<ReportEndpoint> latest = new ArrayList<>();
        if (plan.latest28Days()) {
            for (ReportEndpoint e : List.of(ReportEndpoint.ENTITY_28_DAY, ReportEndpoint.USERS_28_DAY)) {
                if (todo.stream().anyMatch(r -> r.report() == e.daily() && !r.day().isBefore(today.minusDays(28)))) {
                    latest.add(e);
                }
            }
        }
        SyncBatch batch = new SyncBatch(workspace, store, scope, log, listener);
        listener.progress(new SyncProgress(SyncProgress.Stage.PLANNED, "", null, 0, latest.size() + todo.size(), "Copilot " + scope
                + ": " + (latest.size() + todo.size()) + " report requests for " + plan.from() + " … " + plan.to()
                + (todo.isEmpty() && latest.isEmpty() ? " (everything is stored already)" : "")));
        int requests = 0;
        try {
            for (ReportEndpoint e : latest) {
                requests++;
                listener.progress(new SyncProgress(SyncProgress.Stage.FETCHING, e.label(), null, requests, latest.size() + todo.size(), ""));
                List<CopilotMetricsParser.Days> docs = batch.parse(e, null, client.report(e, null));
                Set<LocalDate> covered = new HashSet<>();
                ReportKind kind = e == ReportEndpoint.ENTITY_28_DAY ? ReportKind.ENTITY : ReportKind.USER;
                docs.forEach(d -> d.report().records().stream().filter(r -> r.kind() == kind).map(ReportRecord::day).forEach(covered::add));
                covered.removeIf(d -> d.isBefore(plan.from()) || d.isAfter(plan.to()));
                batch.add(docs, covered.stream().map(d -> new SyncBatch.Mark(e.daily(), d, FetchLog.Outcome.STORED)).toList(),
                        !docs.isEmpty());
                todo.removeIf(r -> r.report() == e.daily() && covered.contains(r.day()));
            }
            int total = requests + todo.size();
            for (Request r : todo) {
                requests++;
                listener.progress(new SyncProgress(SyncProgress.Stage.FETCHING, r.report().label(), r.day(), requests, total, ""));
                List<CopilotMetricsParser.Days> docs;
                try {
                    docs = batch.parse(r.report(), r.day(), client.report(r.report(), r.day()));
                } catch (CopilotApiException ex) {
                    if ((ex.status() != 404 && ex.status() != 422) || requests == 1) {
                        throw ex;
                    }
                    listener.progress(SyncProgress.notice("no " + r.report().label() + " for " + r.day() + " (" + ex.status() + ")"));
                    docs = List.of();
                }
                boolean stored = docs.stream().anyMatch(d -> !d.report().records().isEmpty() || !d.days().isEmpty());
                batch.add(docs, List.of(new SyncBatch.Mark(r.report(), r.day(), stored ? FetchLog.Outcome.STORED : FetchLog.Outcome.EMPTY)),
                        stored);
                if (batch.days() >= BATCH_DAYS) {
                    batch.flush();
                }
            }
        } catch (RuntimeException e) {
            // keep what was fetched before the rate limit (or any failure): the next run goes on from there
            try {
                batch.flush();
            } catch (RuntimeException f) {
                e.addSuppressed(f);
            }
            throw e;
        }
        batch.flush();
        int seats = plan.seats() ? seats(scope, today, listener) : -1;
        Summary s = batch.summary(requests, seats);
        listener.progress(new SyncProgress(SyncProgress.Stage.DONE, "", null, requests, requests, "Copilot " + scope + ": "
                + s.requests() + " report requests, " + s.reportsStored() + " with data, " + s.reportsEmpty() + " empty; "
                + s.recordsAdded() + " records added, " + s.recordsRevised() + " revised, " + s.recordsUnchanged() + " unchanged"
                + (seats >= 0 ? "; " + seats + " seats" : "")));
        return s;
    }

    private int seats(String scope, LocalDate today, SyncProgress.Listener listener) {
        try {
            CopilotMetricsParser.Seats seats = client.seats();
            SeatSnapshot.write(workspace, store, scope, today, seats);
            listener.progress(new SyncProgress(SyncProgress.Stage.SEATS, "", today, 0, 0, seats.totalSeats() + " Copilot seats listed"));
            return seats.totalSeats();
        } catch (CopilotApiException e) {
            if (e.isRateLimit() || (e.status() != 403 && e.status() != 404)) {
                throw e;
            }
            listener.progress(SyncProgress.notice("seat list not read (the token may lack manage_billing:copilot or read:org): "
                    + e.getMessage()));
            return -1;
        }
    }
}

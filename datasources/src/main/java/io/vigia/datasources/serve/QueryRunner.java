package io.vigia.datasources.serve;

import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.api.QueryResponse;
import io.vigia.datasources.api.QueryStats;
import io.vigia.datasources.instrument.VigiaMetrics;
import io.vigia.datasources.promql.CountingSeriesReader;
import io.vigia.datasources.promql.PromqlEngine;
import io.vigia.datasources.promql.ast.Expr;
import io.vigia.persistence.series.SeriesReader;
import io.vigia.persistence.workspace.WorkspaceException;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one PromQL query for the API under a deadline: the query evaluates on its own virtual
 * thread, which is interrupted when the deadline passes (the evaluator checks for interruption
 * and stops), and the client gets Prometheus's {@code timeout} error. Each query reads the store
 * through a {@link CountingSeriesReader}, for {@code stats} and {@code /metrics}.
 */
final class QueryRunner {
    private final SeriesReader store;
    private final ExecutorService executor;
    private final VigiaMetrics metrics;

    QueryRunner(SeriesReader store, ExecutorService executor, VigiaMetrics metrics) {
        this.store = store;
        this.executor = executor;
        this.metrics = metrics;
    }

    record Outcome(QueryResponse response, QueryStats stats) {
    }

    Outcome instant(String query, long timeMs, long timeoutMs) {
        return run(timeoutMs, (engine, expr) -> engine.instantQuery(expr, query, timeMs), query);
    }

    Outcome range(String query, long startMs, long endMs, long stepMs, long timeoutMs) {
        return run(timeoutMs, (engine, expr) -> engine.rangeQuery(expr, query, startMs, endMs, stepMs), query);
    }

    private interface Evaluation {
        QueryResponse run(PromqlEngine engine, Expr expr);
    }

    private Outcome run(long timeoutMs, Evaluation evaluation, String query) {
        long submitted = System.nanoTime();
        Callable<Outcome> task = () -> {
            long started = System.nanoTime();
            CountingSeriesReader reader = new CountingSeriesReader(store);
            PromqlEngine engine = new PromqlEngine(reader);
            Expr expr;
            try {
                expr = engine.parse(query);
            } catch (QueryException e) {
                throw ApiParams.invalid("query", e.getMessage());
            }
            long parsed = System.nanoTime();
            QueryResponse response;
            try {
                response = evaluation.run(engine, expr);
            } catch (QueryException e) {
                // the engine's bad_data here is the expression's type ("invalid expression type ...")
                throw "bad_data".equals(e.errorType()) ? ApiParams.invalid("query", e.getMessage()) : e;
            } finally {
                metrics.seriesRead(reader.seriesRead(), reader.samplesRead());
            }
            long done = System.nanoTime();
            QueryStats stats = new QueryStats(seconds(started - submitted), seconds(parsed - started),
                    seconds(done - parsed), 0, seconds(done - parsed), seconds(done - submitted),
                    reader.samplesRead(), reader.samplesRead());
            return new Outcome(response, stats);
        };
        Future<Outcome> future = executor.submit(task);
        try {
            return future.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            // Prometheus's promql.ErrQueryTimeout text
            throw new QueryException("timeout", "query timed out in expression evaluation");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new QueryException("canceled", "query was canceled in expression evaluation");
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        }
    }

    private static RuntimeException translate(Throwable cause) {
        return switch (cause) {
            case QueryException q -> q;
            // Prometheus answers a storage failure as errorInternal
            case WorkspaceException w -> new QueryException("internal", w.getMessage(), w);
            case StackOverflowError s -> new QueryException("execution", "query too deeply nested");
            default -> new QueryException("internal", String.valueOf(cause), cause);
        };
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}

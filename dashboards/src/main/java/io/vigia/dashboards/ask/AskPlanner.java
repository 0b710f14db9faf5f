package io.vigia.dashboards.ask;

/** A question to a plan of read-only steps; nothing runs here. Blocking: call it off the FX thread. */
public interface AskPlanner {

    AskPlan plan(String question, AskContext ctx);
}

package io.vigia.dashboards.model;

/** The language of a panel query, which decides the data source kind it runs on. */
public enum QueryLanguage {
    PROMQL, LOGQL
}

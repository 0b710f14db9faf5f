package io.vigia.dashboards.chart.render;

/** Legend below the plot: none, a wrapping list of names, or a table with last, mean and max. */
public enum LegendMode { HIDDEN, LIST, TABLE }

package io.vigia.dashboards.chart.render;

/** How a time series panel draws its series. */
public enum DrawStyle { LINES, AREA, STACKED_AREA, POINTS }

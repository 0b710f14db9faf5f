/**
 * Chart painting without a UI toolkit.
 *
 * <p>Renderers in {@code render} are pure functions of data ({@code data} records over
 * primitive arrays, NaN = gap), options and a {@link io.vigia.dashboards.chart.ChartTheme};
 * they draw onto a {@link io.vigia.dashboards.chart.DrawingSurface} and return a layout for
 * hit-testing. Surfaces: {@code surface.Java2DSurface} (PNG through a {@code BufferedImage},
 * vector PDF through pdfbox-graphics2d's {@code PdfBoxGraphics2D}), {@code surface.SvgSurface}
 * (self-contained SVG, every text XML-escaped) and, in the views module,
 * {@code io.vigia.views.chart.CanvasSurface} on a JavaFX canvas.
 *
 * <pre>{@code
 * byte[] png = ChartExport.png(800, 300, 2, s -> TimeSeriesRenderer.render(s, series, from, to,
 *         TimeSeriesOptions.defaults(zone).withUnit(Unit.SECONDS), LegendState.ALL_VISIBLE, ChartTheme.light()));
 * }</pre>
 *
 * <p>Dense series (at least 4 points per pixel column) are reduced with M4 ({@code reduce.M4});
 * the result is pixel-identical to drawing every point (see {@code M4EquivalenceTest}). Text
 * from data goes through {@link io.vigia.dashboards.chart.InertText}: control and bidi
 * characters are shown as escapes, never interpreted.
 */
package io.vigia.dashboards.chart;

package io.vigia.dashboards.paint;

import io.vigia.dashboards.chart.data.TableData;
import io.vigia.dashboards.query.PanelData;

/** Test access to the painter's package-private conversions. */
public final class PanelPainterAccess {
    private PanelPainterAccess() {
    }

    public static TableData driftTable(PanelData data) {
        return PanelPainter.driftTable(data);
    }
}

package io.vigia.dashboards.model;

/** A panel's place on the dashboard grid: 24 columns wide, rows of 30 px, as in Grafana. */
public record GridPos(int x, int y, int w, int h) {
    public static final int COLUMNS = 24;

    public GridPos {
        if (w <= 0 || h <= 0) {
            throw new IllegalArgumentException("panel size must be positive: " + w + "x" + h);
        }
        x = Math.clamp(x, 0, COLUMNS - 1);
        w = Math.min(w, COLUMNS - x);
        y = Math.max(0, y);
    }

    public int bottom() {
        return y + h;
    }

    public boolean overlaps(GridPos o) {
        return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }

    public GridPos movedTo(int nx, int ny) {
        return new GridPos(nx, ny, w, h);
    }

    public GridPos resizedTo(int nw, int nh) {
        return new GridPos(x, y, nw, nh);
    }
}

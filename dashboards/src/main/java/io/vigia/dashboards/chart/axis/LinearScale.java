package io.vigia.dashboards.chart.axis;

/** Maps a value domain onto a pixel range (either direction). */
public record LinearScale(double domainMin, double domainMax, double pixelFrom, double pixelTo) {

    public LinearScale {
        if (!(domainMax > domainMin)) {
            throw new IllegalArgumentException("empty domain: " + domainMin + ".." + domainMax);
        }
    }

    public double toPixel(double value) {
        return pixelFrom + (value - domainMin) / (domainMax - domainMin) * (pixelTo - pixelFrom);
    }

    public double toValue(double pixel) {
        return domainMin + (pixel - pixelFrom) / (pixelTo - pixelFrom) * (domainMax - domainMin);
    }
}

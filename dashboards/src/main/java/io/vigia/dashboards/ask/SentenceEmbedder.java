package io.vigia.dashboards.ask;

/** Text to a unit-length vector whose dot products say how close two texts are in meaning. */
@FunctionalInterface
public interface SentenceEmbedder {

    float[] embed(String text);

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}

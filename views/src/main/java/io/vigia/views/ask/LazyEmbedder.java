package io.vigia.views.ask;

import io.vigia.dashboards.ask.MiniLmEmbedder;
import io.vigia.dashboards.ask.SentenceEmbedder;

import java.util.Objects;

/**
 * The app's one sentence model, which loads on the first question that needs it (seconds, see
 * docs/ask.md): just before that load it tells whoever asked, so the dialog can say what it waits for.
 */
public final class LazyEmbedder implements SentenceEmbedder {
    private final MiniLmEmbedder model;
    private volatile Runnable beforeLoad = () -> { };

    public LazyEmbedder(MiniLmEmbedder model) {
        this.model = Objects.requireNonNull(model);
    }

    /** Called on the planning thread before a text is embedded while the model is not loaded yet (the first such call loads it). */
    void onLoad(Runnable r) {
        this.beforeLoad = r == null ? () -> { } : r;
    }

    public boolean isLoaded() {
        return model.isLoaded();
    }

    @Override
    public float[] embed(String text) {
        if (!model.isLoaded()) {
            beforeLoad.run();
        }
        return model.embed(text);
    }
}

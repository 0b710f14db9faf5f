package io.vigia.dashboards.ask;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * all-MiniLM-L6-v2 (384 dimensions), run in process by ONNX Runtime through LangChain4j; the model
 * and its tokenizer ship inside the Maven artifact, so nothing is downloaded. Loaded on the first
 * {@link #embed} (about a second; the first window never waits for it), after
 * {@link NativeLibraries#prepare()}. Embeddings of repeated texts (the catalog's descriptions) are
 * kept for the life of this object.
 */
public final class MiniLmEmbedder implements SentenceEmbedder {
    private volatile AllMiniLmL6V2EmbeddingModel model;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    @Override
    public float[] embed(String text) {
        return cache.computeIfAbsent(text, t -> model().embed(t).content().vector());
    }

    /** Whether the model has been loaded (the first question loads it). */
    public boolean isLoaded() {
        return model != null;
    }

    private AllMiniLmL6V2EmbeddingModel model() {
        AllMiniLmL6V2EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    NativeLibraries.prepare();
                    // same thread: a batch of one needs no pool, and no thread outlives the question
                    m = new AllMiniLmL6V2EmbeddingModel(Runnable::run);
                    model = m;
                }
            }
        }
        return m;
    }
}

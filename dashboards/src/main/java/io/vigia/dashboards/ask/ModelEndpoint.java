package io.vigia.dashboards.ask;

import io.vigia.datasources.secrets.SecretRef;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenAI-compatible chat-completions endpoint (Ollama, llama.cpp's server, vLLM, a company
 * gateway) as kept in the workspace settings: its URL and model name there, its key only as a
 * reference ({@link SecretRef}: the OS keyring by default, or an environment variable).
 *
 * @param url base URL ({@code http://localhost:11434/v1}) or the full {@code …/chat/completions}
 * @param key where the API key is; null when the endpoint needs none
 */
public record ModelEndpoint(String url, String model, SecretRef key) {
    public static final String URL_SETTING = "ask.model.url";
    public static final String MODEL_SETTING = "ask.model.name";
    /** {@code env:NAME} to read the key from an environment variable; absent: the keyring's {@link #KEYRING_KEY}. */
    public static final String KEY_SETTING = "ask.model.key";
    public static final String KEYRING_KEY = "ask/model/api-key";

    public ModelEndpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(model, "model");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("the model endpoint must be an http(s) URL, not \"" + url + "\"");
        }
        if (model.isBlank()) {
            throw new IllegalArgumentException("the model endpoint needs a model name");
        }
    }

    /** The endpoint configured in the settings, if any. */
    public static Optional<ModelEndpoint> fromSettings(Map<String, String> settings) {
        String url = settings.get(URL_SETTING);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String k = settings.get(KEY_SETTING);
        SecretRef key = k != null && k.startsWith("env:") ? SecretRef.env(k.substring(4)) : SecretRef.store(KEYRING_KEY);
        return Optional.of(new ModelEndpoint(url.strip(), settings.getOrDefault(MODEL_SETTING, ""), key));
    }

    /** The settings to store for this endpoint (never the key itself). */
    public Map<String, String> toSettings() {
        return Map.of(URL_SETTING, url, MODEL_SETTING, model,
                KEY_SETTING, key instanceof SecretRef.EnvVar e ? "env:" + e.name() : "keyring");
    }

    public String completionsUrl() {
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return u.endsWith("/chat/completions") ? u : u + "/chat/completions";
    }
}

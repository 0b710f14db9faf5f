package io.vigia.views.explore;

import io.vigia.dashboards.model.QueryLanguage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The functions, aggregations and keywords the editor completes and highlights, read from
 * {@code promql-functions.tsv} and {@code logql-functions.tsv} beside this class.
 */
public final class FunctionDocs {
    private static final FunctionDocs PROMQL = load("promql-functions.tsv");
    private static final FunctionDocs LOGQL = load("logql-functions.tsv");

    private final Map<String, FunctionDoc> byName;

    private FunctionDocs(Map<String, FunctionDoc> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    public static FunctionDocs of(QueryLanguage language) {
        return language == QueryLanguage.LOGQL ? LOGQL : PROMQL;
    }

    public List<FunctionDoc> all() {
        return List.copyOf(byName.values());
    }

    public Optional<FunctionDoc> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Functions and aggregations: names that are followed by "(" (or by/without). */
    public boolean isCallable(String name) {
        FunctionDoc d = byName.get(name);
        return d != null && (d.kind().equals("function") || d.kind().equals("aggregation"));
    }

    public boolean isKind(String name, String kind) {
        FunctionDoc d = byName.get(name);
        return d != null && d.kind().equals(kind);
    }

    private static FunctionDocs load(String resource) {
        Map<String, FunctionDoc> out = new LinkedHashMap<>();
        try (InputStream in = FunctionDocs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    throw new IllegalStateException(resource + ": expected 4 tab-separated fields: " + line);
                }
                out.put(f[0], new FunctionDoc(f[0], f[1], f[2], f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FunctionDocs(out);
    }

    /** Names of one kind, in the file's order. */
    public List<String> names(String kind) {
        List<String> out = new ArrayList<>();
        byName.values().stream().filter(d -> d.kind().equals(kind)).forEach(d -> out.add(d.name()));
        return out;
    }
}

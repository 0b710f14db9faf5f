package io.vigia.datasources.simulator;

import org.apache.commons.rng.UniformRandomProvider;

import java.util.List;
import java.util.Map;

/** Plausible source files per language, for simulated suggestions and findings. */
final class SourcePaths {
    private static final Map<String, List<String>> BY_LANGUAGE = Map.of(
            "java", List.of("src/main/java/com/acme/payments/LedgerDao.java",
                    "src/main/java/com/acme/payments/RefundService.java",
                    "src/main/java/com/acme/crypto/TokenHasher.java"),
            "kotlin", List.of("app/src/main/kotlin/com/acme/app/SessionStore.kt",
                    "app/src/main/kotlin/com/acme/app/FileCache.kt"),
            "go", List.of("internal/store/query.go", "cmd/server/config.go", "internal/auth/client.go"),
            "python", List.of("pipelines/export.py", "pipelines/io/paths.py", "search/indexer.py"),
            "typescript", List.of("src/components/Comment.tsx", "src/lib/session.ts", "src/pages/search.tsx"));

    private SourcePaths() {
    }

    static String pick(String language, UniformRandomProvider rng) {
        List<String> paths = BY_LANGUAGE.get(language);
        return paths.get(rng.nextInt(paths.size()));
    }
}

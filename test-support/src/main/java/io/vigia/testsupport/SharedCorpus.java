package io.vigia.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared folder of real inputs beside the project: {@code -Dvigia.shared.dir} (which the build
 * sets to {@code ../shared} relative to the project root), else {@code ../shared} from the
 * project directory or the working directory.
 */
public final class SharedCorpus {
    private SharedCorpus() {
    }

    public static Path dir() {
        String configured = System.getProperty("vigia.shared.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        String project = System.getProperty("vigia.project.dir", System.getProperty("user.dir"));
        return Path.of(project).resolve("../shared").toAbsolutePath().normalize();
    }

    /** A path inside the shared folder, e.g. {@code path("corpus", "sarif")}. */
    public static Path path(String first, String... more) {
        Path p = dir().resolve(first);
        for (String m : more) {
            p = p.resolve(m);
        }
        return p;
    }

    /** The reason the given paths cannot be read, or null when all of them are there. */
    static String whatIsMissing(String... paths) {
        List<String> missing = new ArrayList<>();
        for (String p : paths) {
            if (!Files.exists(dir().resolve(p))) {
                missing.add(p);
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        return "shared corpus absent: " + String.join(", ", missing) + " not found in " + dir()
                + " (the shared folder of real inputs goes beside the project as ../shared, or pass"
                + " -Dvigia.shared.dir=DIR)";
    }

    /** Aborts (or, under CI, fails) the running test unless the given paths exist. */
    public static void assume(String... paths) {
        String reason = whatIsMissing(paths);
        if (reason != null) {
            External.abortMissing(reason);
        }
    }
}

package io.vigia.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.opentest4j.TestAbortedException;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to do when a test's external input is missing: skip with the reason, or, on CI, fail
 * with the same reason. The reason always starts with its category ("shared corpus absent",
 * "prometheus not installed") and a colon, which is how {@link ExternalSkipListener} counts it.
 */
public final class External {
    /** A skip reason of this shape was written by {@link #missing}; group 1 is its category. */
    static final Pattern REASON = Pattern.compile("^(shared corpus absent|[\\w.+-]+ not installed): .*", Pattern.DOTALL);

    private External() {
    }

    /**
     * {@code CI=true} in the environment (or {@code -Dvigia.external.strict=true}, which lets a
     * developer check the CI behaviour locally): a missing input fails instead of skipping. The
     * property, when set, wins over the environment in both directions, so a test of the skipping
     * itself can run on CI with {@code -Dvigia.external.strict=false}.
     */
    public static boolean strict() {
        String property = System.getProperty("vigia.external.strict");
        if (property != null) {
            return Boolean.parseBoolean(property.trim());
        }
        String ci = System.getenv("CI");
        return ci != null && ci.trim().toLowerCase(Locale.ROOT).equals("true");
    }

    /** The condition result for a missing input: disabled, or, under CI, an exception (JUnit fails the test). */
    static ConditionEvaluationResult missing(String reason) {
        if (strict()) {
            throw new ExternalInputMissing(reason + " [CI=true: nothing may be skipped for a missing input]");
        }
        return ConditionEvaluationResult.disabled(reason);
    }

    /**
     * The same decision from inside a test, for inputs known only while it runs (a harness that
     * collects scripts from several folders): aborts the test, or fails it under CI.
     */
    public static void abortMissing(String reason) {
        if (strict()) {
            throw new ExternalInputMissing(reason + " [CI=true: nothing may be skipped for a missing input]");
        }
        throw new TestAbortedException(reason);
    }

    /** The category of a reason written by {@link #missing} or {@link #abortMissing}, if it is one. */
    static Optional<String> category(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        Matcher m = REASON.matcher(reason);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Thrown under CI where a test would otherwise be skipped. */
    public static final class ExternalInputMissing extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ExternalInputMissing(String message) {
            super(message);
        }
    }
}

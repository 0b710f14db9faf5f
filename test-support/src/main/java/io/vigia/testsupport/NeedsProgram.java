package io.vigia.testsupport;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test runs programs that are not part of the build (a real Prometheus, pdftotext, a keyring
 * daemon...). Where one is not installed the test is skipped, naming the package that has it;
 * under {@code CI=true} the absence fails the test instead. Every program a test starts goes
 * through this condition, and {@code .ci/run} installs its package.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ProgramCondition.class)
public @interface NeedsProgram {
    /** Executable names looked up on the {@code PATH}, e.g. {@code "prometheus"}. */
    String[] value();
}

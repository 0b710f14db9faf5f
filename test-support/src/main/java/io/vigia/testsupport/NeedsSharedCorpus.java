package io.vigia.testsupport;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test reads material from the shared folder beside the project ({@code ../shared}, or
 * {@code -Dvigia.shared.dir=DIR}): real inputs written by other projects, which are not ours to
 * commit. Where it is absent the test is skipped, saying what is missing and where it goes; under
 * {@code CI=true} the absence fails the test instead.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(SharedCorpusCondition.class)
public @interface NeedsSharedCorpus {
    /** Paths inside the shared folder that must exist, e.g. {@code "corpus/sarif"}. */
    String[] value() default {"corpus"};
}

package io.vigia.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

import java.util.regex.Pattern;

/**
 * Imports main classes only: ArchUnit's {@code DoNotIncludeTests} knows test-class directories,
 * but neither a {@code -tests.jar} nor this test-support module, whose main code is test code.
 */
public final class ProductionClassesOnly implements ImportOption {
    private static final ImportOption NO_TEST_DIRS = new DoNotIncludeTests();
    private static final Pattern TEST_CODE = Pattern.compile(
            ".*(-tests\\.jar|/test-support/target/classes/|/vigia-test-support-[^/]*\\.jar).*");

    @Override
    public boolean includes(Location location) {
        return NO_TEST_DIRS.includes(location) && !location.matches(TEST_CODE);
    }
}

package io.vigia.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Imports main classes only: ArchUnit's {@code DoNotIncludeTests} knows test-class directories,
 * but not the {@code -tests.jar} through which modules share test code.
 */
public final class ProductionClassesOnly implements ImportOption {
    private static final ImportOption NO_TEST_DIRS = new DoNotIncludeTests();

    @Override
    public boolean includes(Location location) {
        return NO_TEST_DIRS.includes(location) && !location.matches(java.util.regex.Pattern.compile(".*-tests\\.jar.*"));
    }
}

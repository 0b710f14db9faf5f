package io.vigia.app;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.vigia.architecture.ProductionClassesOnly;
import io.vigia.architecture.VigiaArchitectureRules;

/** The shared architecture rules, over this module's classes and everything it depends on. */
@AnalyzeClasses(packages = "io.vigia", importOptions = ProductionClassesOnly.class)
class AppArchitectureTest {
    @ArchTest
    static final ArchTests rules = ArchTests.in(VigiaArchitectureRules.class);
}

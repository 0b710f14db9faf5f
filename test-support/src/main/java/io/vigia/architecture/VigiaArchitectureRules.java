package io.vigia.architecture;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The architecture rules, written once. Each module's {@code *ArchitectureTest} includes them
 * with {@code ArchTests.in(VigiaArchitectureRules.class)} over the classes on its class path, so
 * a module cannot break a rule without its own build failing.
 */
public final class VigiaArchitectureRules {

    private VigiaArchitectureRules() {
    }

    /** The core knows nothing of the UI toolkit: reports and the CLI run headless. */
    @ArchTest
    public static final ArchRule coreDoesNotUseJavaFx = noClasses()
            .that().resideInAnyPackage("io.vigia.persistence..", "io.vigia.datasources..", "io.vigia.dashboards..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("only views/ and app/ may use JavaFX; the core must run headless");

    /** Dependencies point one way: persistence ← datasources ← dashboards ← views ← app. */
    @ArchTest
    public static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("persistence").definedBy("io.vigia.persistence..")
            .layer("datasources").definedBy("io.vigia.datasources..")
            .layer("dashboards").definedBy("io.vigia.dashboards..")
            .layer("views").definedBy("io.vigia.views..")
            .layer("app").definedBy("io.vigia.app..")
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .whereLayer("views").mayOnlyBeAccessedByLayers("app")
            .whereLayer("dashboards").mayOnlyBeAccessedByLayers("views", "app")
            .whereLayer("datasources").mayOnlyBeAccessedByLayers("dashboards", "views", "app")
            .whereLayer("persistence").mayOnlyBeAccessedByLayers("datasources", "dashboards", "views", "app");

    /** Standard streams belong to the command line; everything else logs through SLF4J. */
    @ArchTest
    public static final ArchRule noStandardStreamsOutsideCli = noClasses()
            .that().resideOutsideOfPackage("io.vigia.app.cli..")
            .and().resideInAPackage("io.vigia..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("only the CLI prints; the rest logs through SLF4J");

    /** One JSON library: Jackson 3. */
    @ArchTest
    public static final ArchRule noJackson2 = noClasses()
            .that().resideInAPackage("io.vigia..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson.databind..")
            .because("Vigia uses Jackson 3 (tools.jackson) only");
}

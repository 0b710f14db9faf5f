package io.vigia.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    /**
     * The packages under {@code io.vigia.views} that every feature may use; every other package
     * directly under it is a feature (dashboards, explore, reports, ...), a new one included.
     */
    static final Set<String> SHARED_VIEW_PACKAGES = Set.of("chart", "controls", "dialogs", "shell", "shortcuts", "tasks", "theme");

    private static final SliceAssignment VIEW_FEATURES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String pkg = c.getPackageName();
            String prefix = "io.vigia.views.";
            if (!pkg.startsWith(prefix)) {
                return SliceIdentifier.ignore();
            }
            String feature = pkg.substring(prefix.length()).split("\\.")[0];
            return SHARED_VIEW_PACKAGES.contains(feature) ? SliceIdentifier.ignore() : SliceIdentifier.of(feature);
        }

        @Override
        public String getDescription() {
            return "the features under io.vigia.views";
        }
    };

    /** Features are siblings: what two of them share lives in a shared package or below views. */
    @ArchTest
    public static final ArchRule viewFeaturesAreIndependent = slices().assignedFrom(VIEW_FEATURES)
            .should().notDependOnEachOther()
            .because("a feature under views uses shared packages (shell, tasks, chart, ...) or the core, never another feature")
            .allowEmptyShould(true); // modules below views have no view classes

    /** JabRef's rule: a view model holds state and logic, the view holds the nodes. */
    @ArchTest
    public static final ArchRule viewModelsDoNotTouchTheScene = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
            .because("view models are tested without a scene; nodes and images belong to the views")
            .allowEmptyShould(true);

    /** The chart package draws series on a surface and knows nothing of dashboards' queries or built-ins. */
    @ArchTest
    public static final ArchRule chartIsPure = noClasses()
            .that().resideInAPackage("io.vigia.dashboards.chart..")
            .should().dependOnClassesThat().resideInAnyPackage("io.vigia.dashboards.query..", "io.vigia.dashboards.builtin..")
            .because("chart painting is pure: panels and their data are turned into chart input in dashboards.paint")
            .allowEmptyShould(true);
}

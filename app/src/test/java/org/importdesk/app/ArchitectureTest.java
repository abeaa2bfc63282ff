package org.importdesk.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency rules of the modules: app -> viewer -> import-engine -> mapping-db, JavaFX only above the engine. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.importdesk");
    }

    @Test
    void engineAndMappingDatabaseKnowNothingOfJavaFx() {
        noClasses().that().resideInAnyPackage("org.importdesk.engine..", "org.importdesk.mapping..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void onlyTheDicomPackageTouchesPixelMed() {
        noClasses().that().resideOutsideOfPackage("org.importdesk.engine.dicom..")
                .should().dependOnClassesThat().resideInAnyPackage("com.pixelmed..")
                .check(classes);
    }

    @Test
    void dependenciesPointOneWay() {
        noClasses().that().resideInAPackage("org.importdesk.mapping..")
                .should().dependOnClassesThat().resideInAnyPackage("org.importdesk.engine..", "org.importdesk.viewer..", "org.importdesk.app..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage("org.importdesk.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.importdesk.viewer..", "org.importdesk.app..")
                .check(classes);
        noClasses().that().resideInAPackage("org.importdesk.viewer..")
                .should().dependOnClassesThat().resideInAPackage("org.importdesk.app..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theRulesSeeTheModules() {
        // guards against an import that silently finds nothing and lets every rule pass
        org.assertj.core.api.Assertions.assertThat(classes.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith("org.importdesk.engine.dicom"))
                .anyMatch(p -> p.startsWith("org.importdesk.app"));
    }
}

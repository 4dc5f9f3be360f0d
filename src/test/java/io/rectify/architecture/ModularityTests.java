package io.rectify.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.rectify.RectifyApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of STYLE.md, checked on the compiled classes. */
class ModularityTests {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.rectify");
    }

    @Test
    void onlyTheWorkflowModuleTouchesTheEngine() {
        noClasses().that().resideOutsideOfPackage("io.rectify.workflow..")
                .and().doNotHaveFullyQualifiedName(RectifyApplication.class.getName())
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .check(classes);
    }

    /**
     * The engine's internals (its {@code impl} packages and its shaded Scala) are reached through its
     * documented extension points only, all in one package, so that an engine release or a fork
     * that changes them breaks that package and nothing else.
     */
    @Test
    void onlyTheEnginePackageUsesTheEnginesInternals() {
        noClasses().that().resideOutsideOfPackage("io.rectify.workflow.internal.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda..impl..", "camundajar..")
                .check(classes);
    }

    @Test
    void modulesDoNotDependOnEachOtherInCircles() {
        slices().matching("io.rectify.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void internalsOfAModuleStayInside() {
        Set<String> modulesWithInternals = classes.stream().map(JavaClass::getPackageName)
                .filter(p -> p.matches("io\\.rectify\\.\\w+\\.internal(\\..*)?"))
                .map(p -> p.split("\\.")[2]).collect(Collectors.toSet());
        assertThat(modulesWithInternals).contains("workflow");
        for (String module : modulesWithInternals) {
            classes().that().resideInAPackage("io.rectify." + module + ".internal..")
                    .should().onlyBeAccessed().byClassesThat().resideInAPackage("io.rectify." + module + "..")
                    .check(classes);
        }
    }

    @Test
    void domainModulesDoNotReachIntoTheWebLayer() {
        noClasses().that().resideInAnyPackage("io.rectify.casefile", "io.rectify.sanction", "io.rectify.category",
                        "io.rectify.directory", "io.rectify.audit", "io.rectify.calendar", "io.rectify.form")
                .should().dependOnClassesThat().resideInAPackage("..web..")
                .check(classes);
    }

    @Test
    void theSharedKernelDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("io.rectify.kernel..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.rectify.kernel..", "java..")
                .check(classes);
    }
}

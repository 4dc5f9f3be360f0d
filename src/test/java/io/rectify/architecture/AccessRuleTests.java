package io.rectify.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every endpoint states who may call it: each request-handling method of a controller (API or
 * page) carries a role-level {@code @PreAuthorize}, checked by method security. Per-object
 * rules stay in the services; this is the first gate, and it is never forgotten.
 */
@AnalyzeClasses(packages = "io.rectify", importOptions = ImportOption.DoNotIncludeTests.class)
class AccessRuleTests {

    @ArchTest
    static final ArchRule everyControllerMethodHasAnAccessRule = methods()
            .that().areDeclaredInClassesThat().areMetaAnnotatedWith(Controller.class)
            .and().areMetaAnnotatedWith(RequestMapping.class)
            .should().beAnnotatedWith(PreAuthorize.class)
            .because("every endpoint names the roles that may call it, e.g. @PreAuthorize(\"hasRole('SUPERVISOR')\") "
                    + "or @PreAuthorize(\"isAuthenticated()\") when the service decides per object");
}

package io.rectify.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.rectify.RectifyApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module diagram of src/docs/architecture.md is the one Spring Modulith draws from the
 * compiled code, so the documentation cannot show a dependency the code no longer has, or miss
 * one it gained. Each run writes the diagrams anew to {@code target/spring-modulith-docs}
 * ({@code components.puml} for the whole, {@code module-*.puml} for each module).
 */
class ModuleDocumentationTests {

    static final Path GENERATED = Path.of("target", "spring-modulith-docs", "components.puml");
    static final Path COMMITTED = Path.of("src", "docs", "modules.puml");

    @Test
    void theCommittedModuleDiagramIsTheOneTheCodeDraws() throws IOException {
        ApplicationModules modules = ApplicationModules.of(RectifyApplication.class);

        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();

        // compared line by line regardless of order: the Documenter lists components and
        // relations in no promised order, and the order says nothing about the architecture
        assertThat(sortedLines(COMMITTED))
                .as("src/docs/modules.puml differs from the diagram the code draws; after a change of the "
                        + "modules' dependencies: cp %s %s", GENERATED, COMMITTED)
                .isEqualTo(sortedLines(GENERATED));
    }

    private static List<String> sortedLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip).filter(line -> !line.isEmpty()).sorted().toList();
    }
}

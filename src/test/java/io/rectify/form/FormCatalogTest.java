package io.rectify.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class FormCatalogTest {

    private static final Path FORMS = Path.of("forms");
    private static final FormCatalog CATALOG = new FormCatalog();

    @TempDir
    Path dir;

    @Test
    void everyFileInTheFormsFolderIsLoadedUnderItsFileName() throws IOException {
        Set<String> files;
        try (Stream<Path> list = Files.list(FORMS)) {
            files = list.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".form"))
                    .map(n -> n.substring(0, n.length() - ".form".length()))
                    .collect(Collectors.toSet());
        }
        assertThat(files).hasSize(21);
        assertThat(CATALOG.formKeys()).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void theSchemaIsTheFileExactly() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String key : CATALOG.formKeys()) {
            FormDefinition form = CATALOG.get(key);
            assertThat(form.schema()).as(key).isEqualTo(json.readTree(FORMS.resolve(key + ".form").toFile()));
            assertThat(form.formKey()).isEqualTo(key);
            assertThat(form.id()).isEqualTo(form.schema().get("id").asText()).startsWith("Form_");
            assertThat(form.schema().get("schemaVersion").asInt()).isEqualTo(16);
        }
    }

    @Test
    void findAnswersEmptyAndGetRefusesAnUnknownKey() {
        assertThat(CATALOG.find("noSuchForm")).isEmpty();
        assertThat(CATALOG.find(null)).isEmpty();
        assertThat(CATALOG.find("verify")).isPresent();
        assertThatThrownBy(() -> CATALOG.get("noSuchForm"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noSuchForm");
    }

    @Test
    void springBuildsTheCatalogFromTheClasspath() {
        try (var context = new AnnotationConfigApplicationContext(FormCatalog.class)) {
            assertThat(context.getBean(FormCatalog.class).formKeys()).contains("issueOrder", "respond-A34-02");
        }
    }

    @Test
    void readsFormsFromAnyLocation() throws IOException {
        write("mine", component("""
                {"id":"Field_a","key":"a","type":"textfield","label":"甲","properties":{"labelEn":"A"}}"""));
        FormCatalog catalog = load();
        assertThat(catalog.formKeys()).containsExactly("mine");
        assertThat(catalog.get("mine").fields()).extracting(FormField::key).containsExactly("a");
    }

    @Test
    void malformedJsonFailsNamingTheFile() throws IOException {
        Files.writeString(dir.resolve("broken.form"), "{\"type\":\"default\",");
        assertThatThrownBy(this::load).isInstanceOf(InvalidFormException.class)
                .hasMessageContaining("broken.form").hasMessageContaining("not valid JSON");
    }

    @Test
    void aSchemaThatIsNotAFormFails() throws IOException {
        Files.writeString(dir.resolve("list.form"), "[]");
        assertThatThrownBy(this::load).isInstanceOf(InvalidFormException.class).hasMessageContaining("list.form");
    }

    @Test
    void duplicateKeyFails() throws IOException {
        write("dup", component("""
                {"id":"Field_a","key":"a","type":"textfield","label":"甲","properties":{"labelEn":"A"}},
                {"id":"Field_b","key":"a","type":"textarea","label":"乙","properties":{"labelEn":"B"}}"""));
        assertThatThrownBy(this::load).isInstanceOf(InvalidFormException.class)
                .hasMessageContaining("dup.form").hasMessageContaining("duplicate key \"a\"");
    }

    @Test
    void duplicateKeyInsideAListItemFails() throws IOException {
        write("dupItem", component("""
                {"id":"List_l","path":"l","type":"dynamiclist","label":"列表","properties":{"labelEn":"L"},
                 "components":[
                   {"id":"Field_x","key":"x","type":"textfield","label":"甲","properties":{"labelEn":"X"}},
                   {"id":"Field_y","key":"x","type":"textfield","label":"乙","properties":{"labelEn":"Y"}}]}"""));
        assertThatThrownBy(this::load).isInstanceOf(InvalidFormException.class)
                .hasMessageContaining("duplicate key \"l[].x\"");
    }

    @Test
    void duplicateJsonPropertyFails() throws IOException {
        write("dupProp", component("""
                {"id":"Field_a","key":"a","key":"b","type":"textfield","label":"甲","properties":{"labelEn":"A"}}"""));
        assertThatThrownBy(this::load).isInstanceOf(InvalidFormException.class).hasMessageContaining("Duplicate field");
    }

    @Test
    void unsupportedComponentTypeFails() throws IOException {
        write("odd", component("""
                {"id":"Field_f","key":"f","type":"filepicker","label":"文件","properties":{"labelEn":"File"}}"""));
        assertThatThrownBy(this::load).isInstanceOf(InvalidFormException.class)
                .hasMessageContaining("odd.form").hasMessageContaining("Field_f")
                .hasMessageContaining("unsupported type \"filepicker\"");
    }

    @Test
    void aFieldWithoutItsEnglishLabelFails() throws IOException {
        write("noEn", component("""
                {"id":"Field_a","key":"a","type":"textfield","label":"甲"}"""));
        assertThatThrownBy(this::load).isInstanceOf(InvalidFormException.class).hasMessageContaining("labelEn");
    }

    @Test
    void aSelectWithoutValuesFails() throws IOException {
        write("noValues", component("""
                {"id":"Field_s","key":"s","type":"select","label":"选","properties":{"labelEn":"S"}}"""));
        assertThatThrownBy(this::load).isInstanceOf(InvalidFormException.class).hasMessageContaining("no \"values\"");
    }

    @Test
    void aPatternThatDoesNotCompileFails() throws IOException {
        write("badPattern", component("""
                {"id":"Field_a","key":"a","type":"textfield","label":"甲","validate":{"pattern":"^[a-"},
                 "properties":{"labelEn":"A"}}"""));
        assertThatThrownBy(this::load).isInstanceOf(InvalidFormException.class).hasMessageContaining("pattern");
    }

    @Test
    void aFieldWithoutKeyFails() throws IOException {
        write("noKey", component("""
                {"id":"Field_a","type":"textfield","label":"甲","properties":{"labelEn":"A"}}"""));
        assertThatThrownBy(this::load).isInstanceOf(InvalidFormException.class).hasMessageContaining("\"key\"");
    }

    @Test
    void twoFormsWithTheSameIdFail() throws IOException {
        String field = """
                {"id":"Field_a","key":"a","type":"textfield","label":"甲","properties":{"labelEn":"A"}}""";
        write("one", component(field));
        write("two", component(field));
        assertThatThrownBy(this::load).isInstanceOf(InvalidFormException.class)
                .hasMessageContaining("Two forms with id \"Form_test\"");
    }

    @Test
    void displayComponentsAreNotFields() {
        FormDefinition verify = CATALOG.get("verify");
        assertThat(verify.schema().get("components").findValuesAsText("type")).contains("text");
        assertThat(verify.fields()).extracting(FormField::type).doesNotContain("text");
    }

    private FormCatalog load() {
        return new FormCatalog(new PathMatchingResourcePatternResolver(), dir.toUri() + "*.form");
    }

    private void write(String formKey, String json) throws IOException {
        Files.writeString(dir.resolve(formKey + ".form"), json);
    }

    private static String component(String components) {
        return """
                {"type":"default","id":"Form_test","schemaVersion":16,"components":[%s]}""".formatted(components);
    }
}

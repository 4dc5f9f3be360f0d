package io.rectify.form;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every task form of the application, read once at startup from {@code classpath*:forms/*.form}
 * (the repository's {@code forms/} folder). A schema the validator could not enforce stops the
 * application with an {@link InvalidFormException} naming the file and the component.
 */
@Component
public class FormCatalog {

    public static final String LOCATION = "classpath*:forms/*.form";
    private static final String SUFFIX = ".form";

    private final Map<String, FormDefinition> forms;

    /** Reads {@value #LOCATION}. */
    @Autowired
    public FormCatalog() {
        this(new PathMatchingResourcePatternResolver(), LOCATION);
    }

    /** Reads the {@code .form} files a location pattern finds, e.g. {@code file:/tmp/forms/*.form}. */
    public FormCatalog(ResourcePatternResolver resolver, String locationPattern) {
        this.forms = load(resolver, locationPattern);
    }

    public Optional<FormDefinition> find(String formKey) {
        return Optional.ofNullable(formKey).map(forms::get);
    }

    /** @throws IllegalArgumentException if there is no form with this key */
    public FormDefinition get(String formKey) {
        return find(formKey).orElseThrow(() -> new IllegalArgumentException("No form with key \"" + formKey + "\""));
    }

    /** The form keys, sorted. */
    public Set<String> formKeys() {
        return forms.keySet();
    }

    private static Map<String, FormDefinition> load(ResourcePatternResolver resolver, String locationPattern) {
        ObjectMapper json = new ObjectMapper()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        Resource[] resources;
        try {
            resources = resolver.getResources(locationPattern);
        } catch (IOException e) {
            throw new InvalidFormException("Cannot list the forms at " + locationPattern, e);
        }
        Map<String, FormDefinition> forms = new TreeMap<>();
        Map<String, String> sources = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        for (Resource resource : resources) {
            String fileName = resource.getFilename();
            if (fileName == null || !fileName.endsWith(SUFFIX)) {
                continue;
            }
            String formKey = fileName.substring(0, fileName.length() - SUFFIX.length());
            String source = describe(resource);
            FormDefinition form = FormSchemaReader.read(formKey, source, parse(json, resource, source));
            String earlier = sources.putIfAbsent(formKey, source);
            if (earlier != null) {
                throw new InvalidFormException("Two forms with key \"" + formKey + "\": " + earlier + " and " + source);
            }
            String sameId = ids.putIfAbsent(form.id(), source);
            if (sameId != null) {
                throw new InvalidFormException("Two forms with id \"" + form.id() + "\": " + sameId + " and " + source);
            }
            forms.put(formKey, form);
        }
        return Collections.unmodifiableMap(forms);
    }

    private static JsonNode parse(ObjectMapper json, Resource resource, String source) {
        try (InputStream in = resource.getInputStream()) {
            return json.readTree(in);
        } catch (JsonProcessingException e) {
            throw new InvalidFormException(source + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()), e);
        } catch (IOException e) {
            throw new InvalidFormException(source + ": cannot be read", e);
        }
    }

    private static String describe(Resource resource) {
        try {
            return resource.getURL().toString();
        } catch (IOException e) {
            return resource.getDescription();
        }
    }
}

package io.rectify.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nu.validator.client.EmbeddedValidator;

/** The Nu HTML Checker, in this JVM (no service, nothing fetched): the errors of one HTML document. */
final class HtmlChecker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlChecker() {
    }

    /** The errors (not the warnings) the checker reports, each with its line; empty when the page is valid. */
    static List<String> errors(String html) {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        validator.setNoLangDetect(true);
        validator.setLoadEntities(false);
        try {
            String report = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            List<String> errors = new ArrayList<>();
            for (JsonNode message : JSON.readTree(report).path("messages")) {
                String type = message.path("type").asText();
                if ("error".equals(type) || "non-document-error".equals(type)) {
                    errors.add("line " + message.path("lastLine").asText("?") + ": " + message.path("message").asText()
                            + " [" + message.path("extract").asText("") + "]");
                }
            }
            return errors;
        } catch (Exception e) {
            throw new IllegalStateException("the HTML checker failed", e);
        }
    }
}

package io.rectify.kernel;

import java.util.List;

/**
 * One thing wrong with one field of a request. {@code code} is a message key (resolved in the
 * caller's language by the web layer); {@code defaultMessage} is the Chinese fallback.
 */
public record FieldProblem(String field, String code, List<Object> args, String defaultMessage) {

    public FieldProblem {
        args = List.copyOf(args);
    }

    public static FieldProblem of(String field, String code, String defaultMessage, Object... args) {
        return new FieldProblem(field, code, List.of(args), defaultMessage);
    }
}

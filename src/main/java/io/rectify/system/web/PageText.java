package io.rectify.system.web;

import java.util.List;
import java.util.Locale;

import io.rectify.kernel.FieldProblem;
import org.springframework.context.MessageSource;

/** A {@link FieldProblem} of a service in the reader's language, for a field error on a page. */
public final class PageText {

    private PageText() {
    }

    /**
     * The problem's message; its first argument, when it is the field's key (as the services give
     * it for "required" or "too long"), becomes the field's label.
     */
    public static String of(FieldProblem problem, String label, MessageSource messages, Locale locale) {
        List<Object> args = new java.util.ArrayList<>(problem.args());
        if (!args.isEmpty() && problem.field().equals(args.get(0)) && label != null) {
            args.set(0, label);
        }
        return messages.getMessage(problem.code(), args.toArray(), problem.defaultMessage(), locale);
    }
}

package io.rectify.kernel;

import java.util.List;

/** The request breaks a rule a person can fix: answered 400 with one error per field. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.get(0).defaultMessage());
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String code, String defaultMessage, Object... args) {
        return new InvalidInputException(List.of(FieldProblem.of(field, code, defaultMessage, args)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}

package io.rectify.system.security;

import java.util.ArrayList;
import java.util.List;

import io.rectify.kernel.FieldProblem;

/**
 * What a password must be (等保 2.0 level 3 identification and authentication): at least
 * {@value #MIN_LENGTH} characters from at least three of the four classes (lower case, upper
 * case, digits, other characters), and not the username. Reuse of recent passwords is checked
 * by {@link Accounts}, which knows the history.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    static List<FieldProblem> check(String field, String username, String password) {
        List<FieldProblem> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add(FieldProblem.of(field, "form.required", field + " 为必填项", field));
            return problems;
        }
        if (password.length() < MIN_LENGTH) {
            problems.add(FieldProblem.of(field, "password.tooShort", "密码至少 " + MIN_LENGTH + " 个字符", MIN_LENGTH));
        }
        if (password.length() > MAX_LENGTH) {
            problems.add(FieldProblem.of(field, "password.tooLong", "密码不能超过 " + MAX_LENGTH + " 个字符", MAX_LENGTH));
        }
        if (classes(password) < 3) {
            problems.add(FieldProblem.of(field, "password.classes",
                    "密码须包含大写字母、小写字母、数字、其他字符中的至少三类"));
        }
        if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
            problems.add(FieldProblem.of(field, "password.containsUsername", "密码不能包含用户名"));
        }
        return problems;
    }

    static int classes(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}

package io.rectify.system.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
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

    // a one-time password: 16 characters with every class, none that reads as another (0/O, 1/l/I)
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "@#%+=-_";
    private static final int ONE_TIME_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

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

    /**
     * A password no person chose, for an account's first sign-in (an installed administrator, an
     * approved account), checked against this policy like any other.
     */
    static String oneTime(String username) {
        List<Character> characters = new ArrayList<>();
        String all = LOWER + UPPER + DIGITS + SYMBOLS;
        for (String required : List.of(LOWER, UPPER, DIGITS, SYMBOLS)) {
            characters.add(required.charAt(RANDOM.nextInt(required.length())));
        }
        while (characters.size() < ONE_TIME_LENGTH) {
            characters.add(all.charAt(RANDOM.nextInt(all.length())));
        }
        Collections.shuffle(characters, RANDOM);
        StringBuilder password = new StringBuilder();
        characters.forEach(password::append);
        if (!check("password", username, password.toString()).isEmpty()) {
            throw new IllegalStateException("a generated password broke the password policy");
        }
        return password.toString();
    }
}

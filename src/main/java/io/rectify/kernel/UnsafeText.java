package io.rectify.kernel;

import java.util.Optional;

/**
 * Characters that no one types on purpose into a title, a name or a report, and that would hide
 * or reorder what a reader sees, or that one database stores and the other refuses: control
 * characters (NUL among them; tab and line breaks are text), the bidirectional controls of the
 * "invoice[U+202E]fdp.exe" trick, zero-width characters, and a half of a surrogate pair without the
 * other. Text a person writes for others is refused with the field named; a file's name, which is
 * only shown, is cleaned of them.
 */
public final class UnsafeText {

    private UnsafeText() {
    }

    /** The first unsafe character of {@code text}, as {@code U+202E}; empty when there is none. */
    public static Optional<String> first(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (unsafe(c)) {
                return Optional.of(String.format("U+%04X", c));
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /** The problem of a field whose text holds an unsafe character; empty when it holds none. */
    public static Optional<FieldProblem> problem(String field, String text) {
        return first(text).map(character -> FieldProblem.of(field, "form.unsafeText",
                field + " 不能包含控制字符、零宽字符或双向控制符（" + character + "），请删除后重试", field, character));
    }

    /** The text without its unsafe characters (a lone surrogate counts as one). */
    public static String neutralised(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!unsafe(c)) {
                kept.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return kept.toString();
    }

    private static boolean unsafe(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return Character.isISOControl(c)                       // C0, DEL, C1: NUL among them
                || Character.getType(c) == Character.SURROGATE   // a half of a pair, alone
                || c == 0x061C || c == 0x200E || c == 0x200F     // bidirectional marks
                || c >= 0x202A && c <= 0x202E                    // embeddings and overrides
                || c >= 0x2066 && c <= 0x2069                    // isolates
                || c >= 0x200B && c <= 0x200D                    // zero-width space, non-joiner, joiner
                || c == 0x2060 || c == 0xFEFF;                   // word joiner, zero-width no-break space
    }
}

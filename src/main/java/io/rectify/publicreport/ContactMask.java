package io.rectify.publicreport;

/**
 * The reporter's contact as everyone but the triaging office sees it (PIPL): enough to tell two
 * apart, not enough to reach the person. A phone number keeps its first three and last four
 * digits, a mail address its first letter and its domain, anything else its first character.
 */
public final class ContactMask {

    private ContactMask() {
    }

    public static String mask(String contact) {
        if (contact == null || contact.isBlank()) {
            return null;
        }
        String c = contact.strip();
        String digits = c.replaceAll("[^0-9]", "");
        int at = c.indexOf('@');
        if (at > 0) {
            return c.charAt(0) + "***" + c.substring(at);
        }
        if (digits.length() >= 7 && digits.length() == c.replaceAll("[\\s()+-]", "").length()) {
            return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
        }
        return c.charAt(0) + "***";
    }
}

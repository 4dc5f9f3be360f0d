package io.rectify.directory;

/**
 * Someone a notification to a body reaches: one of its users (who also has the in-app centre) or
 * one of its liaisons. {@code key} is stable ({@code user:<username>}, {@code liaison:<id>}).
 *
 * @param username the account, null for a liaison
 * @param mail     null when none is known
 * @param mobile   null when none is known (accounts have none)
 */
public record Contact(String key, String orgCode, String name, String username, String mail, String mobile) {

    public static final String USER = "user:";
    public static final String LIAISON = "liaison:";

    public boolean isUser() {
        return username != null;
    }

    public static String keyOfUser(String username) {
        return USER + username;
    }
}

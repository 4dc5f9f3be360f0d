package io.rectify.system.web;

import java.util.List;
import java.util.Locale;

import io.rectify.system.security.RectifyUserDetails;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is signed in, as the page header shows it: the person's name and the body they act for, so
 * that someone sharing a desk sees at a glance whose session it is, and how many notifications
 * they have not read. The principal carries only
 * the username, so the name and the body are read here, when the layout asks: one primary-key query
 * a page, and none for the API.
 */
@Component("signedInHeader")
public class SignedInHeader {

    // the unread count of the person's notification centre rides along: one indexed count, no second query
    private static final String QUERY = "select u.display_name, o.name_zh, o.name_en,"
            + " (select count(*) from notification_delivery d where d.recipient = 'user:' || u.username"
            + " and d.channel = 'IN_APP' and d.read_at is null) from app_user u"
            + " left join organization o on o.code = u.org_code where u.username = ?";

    private final JdbcTemplate jdbc;

    SignedInHeader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Called by the layout with the request's authentication and language; null when nobody is signed in. */
    public SignedIn of(Authentication authentication, Locale locale) {
        if (authentication == null || !(authentication.getPrincipal() instanceof RectifyUserDetails user)) {
            return null;
        }
        String username = user.getUsername();
        boolean english = "en".equals(locale.getLanguage());
        try {
            List<SignedIn> found = jdbc.query(QUERY, (rs, n) -> new SignedIn(username,
                    rs.getString(1) == null ? username : rs.getString(1), rs.getString(english ? 3 : 2), rs.getLong(4)),
                    username);
            return found.isEmpty() ? new SignedIn(username, username, null, 0) : found.get(0);
        } catch (DataAccessException e) {
            // the header must not turn a page into an error while the database is away: the name alone
            return new SignedIn(username, username, null, 0);
        }
    }

    /**
     * @param body   the body's name in the page's language, null for an account of no body
     * @param unread the unread entries of the person's notification centre
     */
    public record SignedIn(String username, String name, String body, long unread) {
    }
}

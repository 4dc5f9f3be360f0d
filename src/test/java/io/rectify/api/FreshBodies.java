package io.rectify.api;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A department with no history, and its user (password {@link Api#PASSWORD}), for a test whose
 * rule depends on the body never having had a case (a repeat violation escalates at once); or a
 * user of its own for a test that counts what one user does.
 */
public final class FreshBodies {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;

    public FreshBodies(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** Creates a department in the region; its user's name is the code in lower case. */
    public String department(String regionCode) {
        String code = regionCode + "-T" + System.nanoTime() % 100000 + COUNTER.incrementAndGet();
        jdbc.update("insert into organization (code, name_zh, name_en, kind, region_code) values (?, ?, ?, 'DEPARTMENT', ?)",
                code, "测试单位" + code, "Test body " + code, regionCode);
        jdbc.update("insert into app_user (username, password_hash, display_name, role, org_code, enabled, created_at) "
                        + "values (?, ?, ?, 'RESPONDER', ?, true, ?)",
                code.toLowerCase(), passwords.encode(Api.PASSWORD), "测试用户", code, Timestamp.from(Instant.now()));
        return code;
    }

    /** Creates another user of an existing body, e.g. a second reader of a supervision body; returns the username. */
    public String user(String role, String orgCode) {
        String username = orgCode.toLowerCase() + ".t" + System.nanoTime() % 100000 + COUNTER.incrementAndGet();
        jdbc.update("insert into app_user (username, password_hash, display_name, role, org_code, enabled, created_at) "
                        + "values (?, ?, ?, ?, ?, true, ?)",
                username, passwords.encode(Api.PASSWORD), "测试用户", role, orgCode, Timestamp.from(Instant.now()));
        return username;
    }
}

package io.rectify.system.security;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rectify.audit.AuditLog;
import io.rectify.directory.AppUser;
import io.rectify.directory.AppUserRepository;
import io.rectify.directory.DirectoryAdmin;
import io.rectify.directory.Region;
import io.rectify.directory.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new production database gets what no one can create through the product: the province's
 * region tree and the three administrators (三员分立) — system, security and audit — each with a
 * one-time password to be changed at first login. It happens once: while any administrator
 * exists, installation is refused, so it can never reset a running system's accounts.
 */
@Service
public class Installation {

    static final String ACTOR = "installation";

    /** the three administrators, by username */
    static final Map<String, Role> ADMINISTRATORS = administrators();

    private final AppUserRepository users;
    private final DirectoryAdmin directory;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final SecurityClock clock;

    Installation(AppUserRepository users, DirectoryAdmin directory, PasswordEncoder passwords, AuditLog audit,
                 SecurityClock clock) {
        this.users = users;
        this.directory = directory;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an installation did: regions added, and each administrator's one-time password. */
    public record Installed(int regionsAdded, Map<String, String> oneTimePasswords) {
    }

    /** Installs, or throws {@link IllegalStateException} naming the administrators that already exist. */
    @Transactional
    public Installed install(List<Region> regions) {
        List<String> existing = users.findAll().stream().filter(user -> user.role().administers())
                .map(AppUser::username).toList();
        if (!existing.isEmpty()) {
            throw new IllegalStateException("already installed: administrator account(s) " + existing
                    + " exist; accounts are kept by the security administrator, not reinstalled");
        }
        int added = directory.installRegions(regions);
        Map<String, String> oneTime = new LinkedHashMap<>();
        ADMINISTRATORS.forEach((username, role) -> {
            String password = PasswordPolicy.oneTime(username);
            users.save(new AppUser(username, passwords.encode(password), displayName(role), role, null, clock.now())
                    .requirePasswordChange());
            oneTime.put(username, password);
        });
        audit.record(ACTOR, "INSTALLED", null, added + " region(s) added; administrators " + oneTime.keySet()
                + " created, each to change the one-time password at first login");
        return new Installed(added, oneTime);
    }

    private static String displayName(Role role) {
        return switch (role) {
            case ADMIN -> "系统管理员";
            case SECURITY_ADMIN -> "安全管理员";
            case AUDIT_ADMIN -> "审计管理员";
            default -> throw new IllegalArgumentException(role + " is not an administrator");
        };
    }

    private static Map<String, Role> administrators() {
        Map<String, Role> administrators = new LinkedHashMap<>();
        administrators.put("admin", Role.ADMIN);
        administrators.put("security", Role.SECURITY_ADMIN);
        administrators.put("auditor", Role.AUDIT_ADMIN);
        return Collections.unmodifiableMap(administrators);
    }
}

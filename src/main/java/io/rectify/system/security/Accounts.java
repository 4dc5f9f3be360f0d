package io.rectify.system.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.rectify.audit.AuditLog;
import io.rectify.directory.Actor;
import io.rectify.directory.AppUser;
import io.rectify.directory.AppUserRepository;
import io.rectify.directory.Directory;
import io.rectify.directory.OrgKind;
import io.rectify.directory.Organization;
import io.rectify.directory.Role;
import io.rectify.kernel.ConflictException;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.UnsafeText;
import io.rectify.kernel.NotFoundException;
import org.apache.commons.lang3.EnumUtils;
import org.apache.commons.lang3.StringUtils;
import org.springframework.data.domain.Limit;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts and their protection: failed logins and locks, passwords and their history, accounts
 * created by the system administrator and kept by the security administrator. Every change is
 * written to the audit record in the same transaction as the change itself.
 */
@Service
@Transactional
public class Accounts {

    /**
     * The roles the system administrator may create, in the order a form offers them; the three
     * administrators are installed, not created.
     */
    public static final List<Role> CREATABLE = List.of(Role.SUPERVISOR, Role.RESPONDER, Role.SUPERVISION);

    private static final String USERNAME = "[a-z0-9][a-z0-9._-]{2,59}";

    private final AppUserRepository users;
    private final PasswordHistoryRepository history;
    private final Directory directory;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final SecurityClock clock;
    private final SecuritySettings settings;
    private final FindByIndexNameSessionRepository<?> sessions;

    Accounts(AppUserRepository users, PasswordHistoryRepository history, Directory directory, PasswordEncoder passwords,
             AuditLog audit, SecurityClock clock, SecuritySettings settings, FindByIndexNameSessionRepository<?> sessions) {
        this.users = users;
        this.history = history;
        this.directory = directory;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.sessions = sessions;
    }

    // --- logins ---------------------------------------------------------------------------------

    /** A wrong password (or an unknown name): counted against the account (if there is one), which locks at the limit. */
    void loginFailed(String username, String address, String reason, boolean addressNowThrottled) {
        String actor = StringUtils.abbreviate(StringUtils.defaultIfBlank(username, "?"), 60);
        audit.record(actor, "LOGIN_FAILED", null, reason + " from " + address);
        if (addressNowThrottled) {
            audit.record(actor, "ADDRESS_THROTTLED", null, address + ": " + settings.addressFailures()
                    + " failed logins within " + settings.addressWindow() + ", refused for a while");
        }
        if (username == null) {
            return;
        }
        users.findForUpdate(username).filter(user -> !user.lockedAt(clock.now())).ifPresent(user -> {
            if (user.loginFailed(clock.now(), settings.failedLoginsToLock(), settings.lockFor())) {
                audit.record(actor, "ACCOUNT_LOCKED", null, settings.failedLoginsToLock() + " failed logins: locked until "
                        + user.lockedUntil());
            }
        });
    }

    /**
     * The right password of an account that may not sign in now (locked, disabled, pending): on the
     * record, but no guess, so it counts against neither the account nor the address.
     */
    void loginRefused(String username, String address, String reason) {
        audit.record(StringUtils.abbreviate(username, 60), "LOGIN_FAILED", null, reason + " from " + address);
    }

    /** A sign-in refused before any password was checked, the address being throttled: on the record all the same. */
    void loginRefusedWhileThrottled(String username, String address) {
        audit.record(StringUtils.abbreviate(StringUtils.defaultIfBlank(username, "?"), 60), "LOGIN_THROTTLED", null,
                "refused unchecked from " + address + ", an address with too many failed logins");
    }

    /** A password verified: the count of failures starts again. */
    void loginSucceeded(String username, String address, String door) {
        audit.record(username, "LOGIN", null, door + " from " + address);
        users.findForUpdate(username).filter(user -> user.failedLogins() > 0).ifPresent(AppUser::loginSucceeded);
    }

    // --- passwords ------------------------------------------------------------------------------

    /**
     * The user changes their own password: the current one proves it is them. A wrong current
     * password counts as a failed login, and that count stays although the request is refused.
     * Every other session of the user ends (one signed in with the old password elsewhere, perhaps
     * by whoever learnt it); the session that made the change, {@code keptSessionId}, stays.
     */
    @Transactional(noRollbackFor = InvalidInputException.class)
    public void changeOwnPassword(String username, String currentPassword, String newPassword, String address,
                                  String keptSessionId) {
        AppUser user = users.findForUpdate(username).orElseThrow(() -> new NotFoundException("account " + username));
        if (StringUtils.isEmpty(currentPassword)) {
            throw InvalidInputException.of("currentPassword", "form.required", "currentPassword 为必填项", "currentPassword");
        }
        if (!passwords.matches(currentPassword, user.passwordHash())) {
            // a wrong current password is a guess like any other
            if (user.loginFailed(clock.now(), settings.failedLoginsToLock(), settings.lockFor())) {
                audit.record(username, "ACCOUNT_LOCKED", null, "wrong current password when changing it from " + address);
            }
            throw InvalidInputException.of("currentPassword", "password.currentWrong", "当前密码不正确");
        }
        List<FieldProblem> problems = new ArrayList<>(PasswordPolicy.check("newPassword", username, newPassword));
        if (problems.isEmpty() && usedRecently(user, newPassword)) {
            problems.add(FieldProblem.of("newPassword", "password.reused",
                    "不能使用最近 " + settings.passwordHistory() + " 次用过的密码", settings.passwordHistory()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        user.loginSucceeded();
        setPassword(user, newPassword);
        int ended = endSessions(username, keptSessionId);
        audit.record(username, "PASSWORD_CHANGED", null, "by the user from " + address + "; " + ended
                + " other session(s) ended");
    }

    /** The current password and the ones before it, up to the history's length. */
    private boolean usedRecently(AppUser user, String candidate) {
        if (passwords.matches(candidate, user.passwordHash())) {
            return true;
        }
        return history.findByUsernameOrderByIdDesc(user.username(), Limit.of(settings.passwordHistory() - 1)).stream()
                .anyMatch(old -> passwords.matches(candidate, old.passwordHash()));
    }

    private void setPassword(AppUser user, String newPassword) {
        history.save(new PasswordHistoryEntry(user.username(), user.passwordHash(), clock.now()));
        user.changePassword(passwords.encode(newPassword), clock.now());
    }

    // --- the system administrator creates accounts ------------------------------------------------

    public AccountView create(Actor admin, NewAccount account) {
        List<FieldProblem> problems = new ArrayList<>();
        String username = StringUtils.trimToEmpty(account.username()).toLowerCase();
        if (!username.matches(USERNAME)) {
            problems.add(FieldProblem.of("username", "account.username.invalid",
                    "用户名为 3 至 60 个小写字母、数字、点、下划线或连字符"));
        } else if (users.findByUsername(username).isPresent()) {
            problems.add(FieldProblem.of("username", "account.username.taken", "用户名已被使用：" + username, username));
        }
        if (StringUtils.isBlank(account.displayName()) || account.displayName().strip().length() > 100) {
            problems.add(FieldProblem.of("displayName", "account.displayName.invalid", "请填写姓名（不超过 100 字）"));
        }
        UnsafeText.problem("displayName", account.displayName()).ifPresent(problems::add);
        Role role = EnumUtils.getEnum(Role.class, account.role());
        if (role == null || !CREATABLE.contains(role)) {
            problems.add(FieldProblem.of("role", "account.role.invalid",
                    "角色应为 SUPERVISOR、RESPONDER 或 SUPERVISION（三名管理员账号不由系统管理员创建）"));
        }
        Organization org = directory.findOrganization(StringUtils.trimToNull(account.orgCode())).orElse(null);
        bodyProblem(org, role, account.orgCode(), null).ifPresent(problems::add);
        if (account.initialPassword() != null) {
            problems.add(FieldProblem.of("initialPassword", "account.initialPassword.notYours",
                    "初始密码由安全管理员批准账号时生成，系统管理员不能设定"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // no password anyone knows until the security administrator approves the account
        AppUser user = users.save(new AppUser(username, passwords.encode(PasswordPolicy.oneTime(username)),
                account.displayName().strip(), role, org.code(), clock.now()).pendingApproval());
        audit.record(admin.username(), "USER_CREATED", null, username + " " + role + " " + org.code()
                + ": pending the security administrator's approval");
        return view(user);
    }

    /** The body of an account: one that exists, is active (unless it is the body the account has) and fits the role. */
    private static Optional<FieldProblem> bodyProblem(Organization org, Role role, String asked, String current) {
        if (org == null) {
            return Optional.of(FieldProblem.of("orgCode", "account.org.unknown", "没有这个单位：" + asked,
                    String.valueOf(asked)));
        }
        if (!org.active() && !org.code().equals(current)) {
            return Optional.of(FieldProblem.of("orgCode", "admin.org.inactive", "单位 " + org.code() + " 已停用",
                    org.code()));
        }
        if (role == Role.SUPERVISION && org.kind() != OrgKind.SUPERVISION
                || (role == Role.SUPERVISOR || role == Role.RESPONDER) && org.kind() == OrgKind.SUPERVISION) {
            return Optional.of(FieldProblem.of("orgCode", "account.org.kind", "该单位的类型与角色不符"));
        }
        return Optional.empty();
    }

    /**
     * The system administrator changes an account's name, role or body. A new role or body is a
     * new power: the account is pending again until the security administrator approves it (which
     * gives it a new one-time password), and its live sessions end now. The three administrators'
     * accounts keep their role and body. Last write wins: the row is locked for the change, and
     * the audit record keeps what each change replaced.
     */
    public AccountView edit(Actor admin, String username, AccountEdit edit) {
        AppUser user = account(username);
        List<FieldProblem> problems = new ArrayList<>();
        String displayName = StringUtils.strip(edit.displayName());
        if (StringUtils.isBlank(displayName) || displayName.length() > 100) {
            problems.add(FieldProblem.of("displayName", "account.displayName.invalid", "请填写姓名（不超过 100 字）"));
        }
        UnsafeText.problem("displayName", displayName).ifPresent(problems::add);
        boolean business = CREATABLE.contains(user.role());
        Role role = EnumUtils.getEnum(Role.class, StringUtils.trimToNull(edit.role()));
        String orgCode = StringUtils.trimToNull(edit.orgCode());
        if (!business) {
            if (role != null && role != user.role()) {
                problems.add(FieldProblem.of("role", "account.role.administrator", "三名管理员账号的角色和单位不能更改"));
            }
            role = user.role();
            orgCode = user.orgCode();
        } else {
            if (role == null || !CREATABLE.contains(role)) {
                problems.add(FieldProblem.of("role", "account.role.invalid",
                        "角色应为 SUPERVISOR、RESPONDER 或 SUPERVISION（三名管理员账号不由系统管理员创建）"));
            }
            bodyProblem(directory.findOrganization(orgCode).orElse(null), role, orgCode, user.orgCode())
                    .ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean newPower = role != user.role() || !Objects.equals(orgCode, user.orgCode());
        String before = user.displayName() + " " + user.role() + " " + user.orgCode();
        user.change(displayName, role, orgCode);
        int ended = 0;
        if (newPower) {
            user.pendingApproval();
            ended = endSessions(username);
        }
        audit.record(admin.username(), "USER_EDITED", null, username + ": was " + before + "; now " + displayName + " "
                + role + " " + orgCode + (newPower ? ": pending the security administrator's approval, " + ended
                + " live session(s) ended" : ""));
        return view(user);
    }

    /**
     * The system administrator takes an account out of use (a person who left, a body that closed):
     * it cannot sign in and its live sessions end. Only the business accounts, never one's own.
     */
    public AccountView deactivate(Actor admin, String username) {
        AppUser user = account(username);
        if (!CREATABLE.contains(user.role())) {
            throw new ConflictException("三名管理员账号不能由系统管理员停用 / The administrators' accounts are not "
                    + "deactivated by the system administrator");
        }
        if (!user.enabled()) {
            return view(user);
        }
        user.disable();
        int ended = endSessions(username);
        audit.record(admin.username(), "USER_DEACTIVATED", null, username + ": " + ended + " live session(s) ended");
        return view(user);
    }

    /**
     * The system administrator brings an account back into use; as with a new account, it signs in
     * only once the security administrator has approved it again.
     */
    public AccountView activate(Actor admin, String username) {
        AppUser user = account(username);
        if (!CREATABLE.contains(user.role())) {
            throw new ConflictException("三名管理员账号不能由系统管理员启用 / The administrators' accounts are not "
                    + "activated by the system administrator");
        }
        if (user.enabled()) {
            return view(user);
        }
        Organization org = directory.findOrganization(user.orgCode()).orElse(null);
        if (org != null && !org.active()) {
            throw new ConflictException("单位 " + org.code() + " 已停用，请先启用单位或改换账号的单位 / The body "
                    + org.code() + " is deactivated: activate it or move the account to another body first");
        }
        user.enable();
        user.pendingApproval();
        audit.record(admin.username(), "USER_ACTIVATED", null, username + ": pending the security administrator's approval");
        return view(user);
    }

    /** An account's edit by the system administrator; the user name stays. */
    public record AccountEdit(String displayName, String role, String orgCode) {
    }

    /** An account as the system administrator asks for it; {@code initialPassword} is refused when given. */
    public record NewAccount(String username, String displayName, String role, String orgCode, String initialPassword) {
    }

    /**
     * The security administrator approves a pending account: it may sign in from now on, with a
     * one-time password generated here, returned once, and to be changed at the first sign-in.
     */
    public ApprovedAccount approve(Actor securityAdmin, String username) {
        AppUser user = account(username);
        if (user.approved()) {
            throw new ConflictException("账号 " + username + " 无需批准 / The account " + username + " is not pending");
        }
        if (directory.findOrganization(user.orgCode()).filter(body -> !body.approved()).isPresent()) {
            // the body first: an account of a body nobody approved would let the system administrator in by the side door
            throw new ConflictException("账号所属单位 " + user.orgCode() + " 尚待批准，请先批准该单位 / The account's body "
                    + user.orgCode() + " awaits approval: approve the body first");
        }
        String password = PasswordPolicy.oneTime(username);
        user.approve(passwords.encode(password), clock.now());
        audit.record(securityAdmin.username(), "ACCOUNT_APPROVED", null, username + " " + user.role() + " "
                + user.orgCode() + ": a one-time password was given, to be changed at first login");
        return new ApprovedAccount(view(user), password);
    }

    /** An approved account and its one-time password, shown once to the security administrator. */
    public record ApprovedAccount(AccountView account, String initialPassword) {
    }

    // --- the security administrator keeps accounts ------------------------------------------------

    public List<AccountView> list(Actor securityAdmin) {
        audit.record(securityAdmin.username(), "ACCOUNTS_READ", null, "account list");
        return users.findAllByOrderByUsername().stream().map(this::view).toList();
    }

    public AccountView unlock(Actor securityAdmin, String username) {
        AppUser user = account(username);
        user.unlock();
        audit.record(securityAdmin.username(), "ACCOUNT_UNLOCKED", null, username);
        return view(user);
    }

    /** Disables the account and ends every live session of it at once. */
    @Transactional(noRollbackFor = ConflictException.class)
    public AccountView disable(Actor securityAdmin, String username) {
        AppUser user = account(username);
        if (user.username().equals(securityAdmin.username())) {
            throw new ConflictException("不能停用自己的账号 / You cannot disable your own account");
        }
        if (user.role() == Role.ADMIN || user.role() == Role.AUDIT_ADMIN) {
            // of the three administrators, no one shuts out another alone; the refusal is on the record
            audit.record(securityAdmin.username(), "ACCOUNT_DISABLE_REFUSED", null, username + " (" + user.role()
                    + "): an administrator is not disabled by the security administrator alone");
            throw new ConflictException("安全管理员不能独自停用系统管理员或审计管理员 / The security administrator does not "
                    + "disable the system or the audit administrator alone");
        }
        user.disable();
        int ended = endSessions(username);
        audit.record(securityAdmin.username(), "ACCOUNT_DISABLED", null, username + ": " + ended + " live session(s) ended");
        return view(user);
    }

    public AccountView enable(Actor securityAdmin, String username) {
        AppUser user = account(username);
        user.enable();
        audit.record(securityAdmin.username(), "ACCOUNT_ENABLED", null, username);
        return view(user);
    }

    private int endSessions(String username) {
        return endSessions(username, null);
    }

    /** Ends the user's live sessions but {@code kept} (none kept when null); returns how many ended. */
    private int endSessions(String username, String kept) {
        var ending = sessions.findByPrincipalName(username).keySet().stream().filter(id -> !id.equals(kept)).toList();
        ending.forEach(sessions::deleteById);
        return ending.size();
    }

    private AppUser account(String username) {
        return users.findForUpdate(username).orElseThrow(() -> new NotFoundException("account " + username));
    }

    private AccountView view(AppUser user) {
        boolean locked = user.lockedAt(clock.now());
        return new AccountView(user.username(), user.displayName(), user.role().name(), user.orgCode(), user.enabled(),
                locked, locked ? user.lockedUntil() : null, user.failedLogins(), user.mustChangePassword(), !user.approved());
    }

    public record AccountView(String username, String displayName, String role, String orgCode, boolean enabled,
                              boolean locked, Instant lockedUntil, int failedLogins,
                              boolean mustChangePassword, boolean pending) {
    }
}

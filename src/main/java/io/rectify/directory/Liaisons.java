package io.rectify.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.rectify.audit.AuditLog;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.NotFoundException;
import io.rectify.kernel.UnsafeText;
import org.apache.commons.lang3.StringUtils;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The liaisons of each body and the mail addresses of accounts, kept by the system administrator,
 * and whom a notification to a body reaches. A liaison's mobile and mail are personal data: the
 * administrator and the offices read them, a department does not (403).
 */
@Service
@Transactional
public class Liaisons {

    static final Pattern MAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    static final Pattern MOBILE = Pattern.compile("\\+?[0-9][0-9 -]{5,28}");
    static final int NAME_MAX = 100;
    static final int MAIL_MAX = 200;

    private static final RowMapper<Liaison> ROW = (row, n) -> new Liaison(row.getLong("id"), row.getString("org_code"),
            row.getString("name"), row.getString("mobile"), row.getString("mail"));

    private final NamedParameterJdbcTemplate jdbc;
    private final Directory directory;
    private final AppUserRepository users;
    private final AuditLog audit;

    Liaisons(NamedParameterJdbcTemplate jdbc, Directory directory, AppUserRepository users, AuditLog audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.users = users;
        this.audit = audit;
    }

    /** The liaisons of a body, for the administrator and the offices. */
    @Transactional(readOnly = true)
    public List<Liaison> of(Actor actor, String orgCode) {
        if (actor == null || !(actor.role() == Role.ADMIN || actor.orgKind() == OrgKind.OFFICE)) {
            throw new AccessDeniedException("liaisons' addresses are for the administrator and the offices");
        }
        requireBody(orgCode);
        return jdbc.query("select * from body_liaison where org_code = :org order by id", Map.of("org", orgCode), ROW);
    }

    public Liaison add(Actor actor, String orgCode, LiaisonEdit edit) {
        requireAdmin(actor);
        requireBody(orgCode);
        LiaisonEdit valid = validate(edit);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("insert into body_liaison (org_code, name, mobile, mail) values (:org, :name, :mobile, :mail)",
                new MapSqlParameterSource("org", orgCode).addValue("name", valid.name()).addValue("mobile", valid.mobile())
                        .addValue("mail", valid.mail()), key, new String[] {"id"});
        long id = key.getKey().longValue();
        audit.record(actor.username(), "LIAISON_ADDED", null, orgCode + ": liaison " + id);
        return new Liaison(id, orgCode, valid.name(), valid.mobile(), valid.mail());
    }

    public Liaison edit(Actor actor, String orgCode, long id, LiaisonEdit edit) {
        requireAdmin(actor);
        find(orgCode, id);
        LiaisonEdit valid = validate(edit);
        jdbc.update("update body_liaison set name = :name, mobile = :mobile, mail = :mail where id = :id",
                new MapSqlParameterSource("id", id).addValue("name", valid.name()).addValue("mobile", valid.mobile())
                        .addValue("mail", valid.mail()));
        audit.record(actor.username(), "LIAISON_CHANGED", null, orgCode + ": liaison " + id);
        return new Liaison(id, orgCode, valid.name(), valid.mobile(), valid.mail());
    }

    public void remove(Actor actor, String orgCode, long id) {
        requireAdmin(actor);
        find(orgCode, id);
        jdbc.update("delete from body_liaison where id = :id", Map.of("id", id));
        audit.record(actor.username(), "LIAISON_REMOVED", null, orgCode + ": liaison " + id);
    }

    /** The administrator sets (or, blank, clears) an account's mail address. */
    public AppUser changeMail(Actor actor, String username, String mail) {
        requireAdmin(actor);
        return changeMailOf(actor, username, mail);
    }

    /** A signed-in person sets (or clears) their own mail address. */
    public AppUser changeOwnMail(Actor actor, String mail) {
        return changeMailOf(actor, actor.username(), mail);
    }

    /** The mail address of an account, null when it has none. */
    @Transactional(readOnly = true)
    public String mailOf(String username) {
        return users.findByUsername(username).map(AppUser::mail).orElse(null);
    }

    /**
     * Whom a message to these bodies reaches: their enabled, approved accounts and their liaisons,
     * by body, accounts first.
     */
    @Transactional(readOnly = true)
    public List<Contact> contactsOf(Collection<String> orgCodes) {
        if (orgCodes.isEmpty()) {
            return List.of();
        }
        List<Contact> found = new ArrayList<>(jdbc.query("select username, display_name, org_code, mail from app_user "
                        + "where org_code in (:orgs) and enabled = true and approved = true order by org_code, username",
                Map.of("orgs", orgCodes), (row, n) -> new Contact(Contact.keyOfUser(row.getString("username")),
                        row.getString("org_code"), row.getString("display_name"), row.getString("username"),
                        row.getString("mail"), null)));
        found.addAll(jdbc.query("select * from body_liaison where org_code in (:orgs) order by org_code, id",
                Map.of("orgs", orgCodes), (row, n) -> new Contact(Contact.LIAISON + row.getLong("id"),
                        row.getString("org_code"), row.getString("name"), null, row.getString("mail"),
                        row.getString("mobile"))));
        return found;
    }

    private AppUser changeMailOf(Actor actor, String username, String mail) {
        AppUser user = users.findByUsername(username).orElseThrow(() -> new NotFoundException("user " + username));
        List<FieldProblem> problems = new ArrayList<>();
        String address = mail(problems, mail);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        users.save(user.changeMail(address));
        audit.record(actor.username(), "MAIL_CHANGED", null, "mail address of " + username
                + (address == null ? " cleared" : " set"));
        return user;
    }

    private Liaison find(String orgCode, long id) {
        return jdbc.query("select * from body_liaison where id = :id and org_code = :org",
                        Map.of("id", id, "org", orgCode), ROW).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("liaison " + id + " of " + orgCode));
    }

    private void requireBody(String orgCode) {
        if (orgCode == null || directory.findOrganization(orgCode).isEmpty()) {
            throw new NotFoundException("body " + orgCode);
        }
    }

    private static LiaisonEdit validate(LiaisonEdit edit) {
        LiaisonEdit given = edit == null ? new LiaisonEdit(null, null, null) : edit;
        List<FieldProblem> problems = new ArrayList<>();
        String name = StringUtils.stripToNull(given.name());
        if (name == null) {
            problems.add(FieldProblem.of("name", "admin.field.required", "此项为必填项"));
        } else if (name.length() > NAME_MAX) {
            problems.add(FieldProblem.of("name", "admin.field.tooLong", "不能超过 " + NAME_MAX + " 个字符", NAME_MAX));
        }
        UnsafeText.problem("name", name).ifPresent(problems::add);
        String mobile = StringUtils.stripToNull(given.mobile());
        if (mobile != null && !MOBILE.matcher(mobile).matches()) {
            problems.add(FieldProblem.of("mobile", "notify.mobile.invalid", "手机号码只能包含数字、空格、“-”和开头的“+”"));
        }
        String mail = mail(problems, given.mail());
        if (mobile == null && mail == null && name != null) {
            problems.add(FieldProblem.of("mobile", "notify.liaison.noAddress", "请至少填写手机号码或电子邮箱之一"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new LiaisonEdit(name, mobile, mail);
    }

    private static String mail(List<FieldProblem> problems, String value) {
        String mail = StringUtils.stripToNull(value);
        if (mail != null && (mail.length() > MAIL_MAX || !MAIL.matcher(mail).matches())) {
            problems.add(FieldProblem.of("mail", "notify.mail.invalid", "电子邮箱格式不正确"));
        }
        return mail;
    }

    private static void requireAdmin(Actor actor) {
        if (actor == null || actor.role() != Role.ADMIN) {
            throw new AccessDeniedException("liaisons and mail addresses are kept by the system administrator");
        }
    }

    /** What the administrator gives for a liaison: a name and at least a mobile or a mail address. */
    public record LiaisonEdit(String name, String mobile, String mail) {
    }
}

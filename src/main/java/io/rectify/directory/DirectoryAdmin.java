package io.rectify.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.rectify.audit.AuditLog;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.UnsafeText;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The system administrator's part of the directory: the bodies, their websites, and the list of
 * accounts. Every change is validated here (the page and the API share the rules) and audited in
 * its own transaction. Only {@link Role#ADMIN} — the security and audit administrators run other
 * parts of the system (三员分立).
 */
@Service
@Transactional
public class DirectoryAdmin {

    static final Pattern BODY_CODE = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");
    static final Pattern WEBSITE_URL = Pattern.compile("https?://[A-Za-z0-9.-]+(:\\d{1,5})?(/\\S*)?");
    static final int CODE_MAX = 40;
    static final int NAME_MAX = 200;
    static final int PREFIX_MAX = 40;
    static final int URL_MAX = 300;

    private final RegionRepository regions;
    private final OrganizationRepository organizations;
    private final WebsiteRepository websites;
    private final AppUserRepository users;
    private final AuditLog audit;

    DirectoryAdmin(RegionRepository regions, OrganizationRepository organizations, WebsiteRepository websites,
                   AppUserRepository users, AuditLog audit) {
        this.regions = regions;
        this.organizations = organizations;
        this.websites = websites;
        this.users = users;
        this.audit = audit;
    }

    /**
     * At installation (no actor yet): the region tree of the province, when there is none.
     * Returns how many regions were added; an existing tree is kept as it is.
     */
    public int installRegions(List<Region> tree) {
        if (regions.count() > 0) {
            return 0;
        }
        regions.saveAll(tree);
        return tree.size();
    }

    /** The regions of the administrative tree, for choosing where a body sits. */
    @Transactional(readOnly = true)
    public List<Region> regions(Actor actor) {
        requireAdmin(actor);
        return regions.findAll().stream().sorted(Comparator.comparing(Region::code)).toList();
    }

    /** Every body, by region then code. */
    @Transactional(readOnly = true)
    public List<Organization> bodies(Actor actor) {
        requireAdmin(actor);
        return organizations.findAll().stream()
                .sorted(Comparator.comparing(Organization::regionCode).thenComparing(Organization::code))
                .toList();
    }

    public Organization createBody(Actor actor, NewBody body) {
        requireAdmin(actor);
        List<FieldProblem> problems = new ArrayList<>();
        String code = trim(body.code());
        if (required(problems, "code", code)) {
            if (code.length() > CODE_MAX) {
                problems.add(tooLong("code", CODE_MAX));
            } else if (!BODY_CODE.matcher(code).matches()) {
                problems.add(FieldProblem.of("code", "admin.body.code.pattern", "代码只能由大写字母、数字和连字符组成，例如 JX-EDU"));
            } else if (organizations.existsById(code)) {
                problems.add(FieldProblem.of("code", "admin.body.code.taken", "已有代码为 " + code + " 的单位", code));
            }
        }
        String nameZh = trim(body.nameZh());
        if (required(problems, "nameZh", nameZh) && nameZh.length() > NAME_MAX) {
            problems.add(tooLong("nameZh", NAME_MAX));
        }
        String nameEn = trim(body.nameEn());
        if (required(problems, "nameEn", nameEn) && nameEn.length() > NAME_MAX) {
            problems.add(tooLong("nameEn", NAME_MAX));
        }
        UnsafeText.problem("nameZh", nameZh).ifPresent(problems::add);
        UnsafeText.problem("nameEn", nameEn).ifPresent(problems::add);
        OrgKind kind = null;
        String kindText = trim(body.kind());
        if (required(problems, "kind", kindText)) {
            try {
                kind = OrgKind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                problems.add(FieldProblem.of("kind", "admin.body.kind.invalid", "类型应为 OFFICE、SUPERVISION 或 DEPARTMENT"));
            }
        }
        String regionCode = trim(body.regionCode());
        if (required(problems, "regionCode", regionCode) && !regions.existsById(regionCode)) {
            problems.add(FieldProblem.of("regionCode", "admin.body.region.unknown", "没有这个行政区：" + regionCode, regionCode));
        }
        String prefix = trim(body.casePrefix());
        if (kind == OrgKind.OFFICE) {
            // offices number their orders with it: two offices with one prefix would issue the same case number
            if (required(problems, "casePrefix", prefix)) {
                if (prefix.length() > PREFIX_MAX) {
                    problems.add(tooLong("casePrefix", PREFIX_MAX));
                } else if (organizations.existsByCasePrefix(prefix)) {
                    problems.add(FieldProblem.of("casePrefix", "admin.body.casePrefix.taken", "已有单位使用文号前缀 " + prefix, prefix));
                }
            }
        } else if (kind != null && prefix != null) {
            problems.add(FieldProblem.of("casePrefix", "admin.body.casePrefix.officesOnly", "只有办公厅（室）等立案机关使用文号前缀"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Organization made = new Organization(code, nameZh, nameEn, kind, regionCode, prefix);
        // an office opens cases and a supervision body reads sanctions: neither comes from the system administrator alone
        Organization created = organizations.save(Organization.needsApproval(kind) ? made.pendingApproval() : made);
        audit.record(actor.username(), "BODY_CREATED", null, code + " " + kind + " in " + regionCode + ": " + nameZh
                + (prefix == null ? "" : ", case prefix " + prefix)
                + (created.approved() ? "" : ": pending the security administrator's approval"));
        return created;
    }

    /** Every registered website, by body then address. */
    @Transactional(readOnly = true)
    public List<Website> websites(Actor actor) {
        requireAdmin(actor);
        return websites.findAll().stream()
                .sorted(Comparator.comparing(Website::orgCode).thenComparing(Website::url))
                .toList();
    }

    public Website registerWebsite(Actor actor, NewWebsite website) {
        requireAdmin(actor);
        List<FieldProblem> problems = new ArrayList<>();
        String url = trim(website.url());
        if (required(problems, "url", url)) {
            if (url.length() > URL_MAX) {
                problems.add(tooLong("url", URL_MAX));
            } else if (!WEBSITE_URL.matcher(url).matches()) {
                problems.add(FieldProblem.of("url", "admin.website.url.invalid", "网站地址应以 http:// 或 https:// 开头"));
            } else if (websites.findByUrl(url).isPresent()) {
                problems.add(FieldProblem.of("url", "admin.website.url.taken", "该网站已登记", url));
            }
        }
        String name = trim(website.name());
        if (required(problems, "name", name) && name.length() > NAME_MAX) {
            problems.add(tooLong("name", NAME_MAX));
        }
        UnsafeText.problem("name", name).ifPresent(problems::add);
        String orgCode = trim(website.orgCode());
        if (required(problems, "orgCode", orgCode) && !organizations.existsById(orgCode)) {
            problems.add(FieldProblem.of("orgCode", "admin.website.org.unknown", "没有这个单位：" + orgCode, orgCode));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Website saved = websites.save(new Website(url, name, orgCode));
        audit.record(actor.username(), "WEBSITE_REGISTERED", null, url + " for " + orgCode + ": " + name);
        return saved;
    }

    /** The accounts, by body then user name (creating and disabling them is the security administrator's). */
    @Transactional(readOnly = true)
    public List<AppUser> users(Actor actor) {
        requireAdmin(actor);
        return users.findAll().stream()
                .sorted(Comparator.comparing((AppUser u) -> u.orgCode() == null ? "" : u.orgCode())
                        .thenComparing(AppUser::username))
                .toList();
    }

    private static boolean required(List<FieldProblem> problems, String field, String value) {
        if (value == null) {
            problems.add(FieldProblem.of(field, "admin.field.required", "此项为必填项"));
            return false;
        }
        return true;
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static void requireAdmin(Actor actor) {
        if (actor == null || actor.role() != Role.ADMIN) {
            throw new AccessDeniedException("the directory is kept by the system administrator");
        }
    }

    public record NewBody(String code, String nameZh, String nameEn, String kind, String regionCode, String casePrefix) {
    }

    public record NewWebsite(String url, String name, String orgCode) {
    }

    private static FieldProblem tooLong(String field, int max) {
        return FieldProblem.of(field, "admin.field.tooLong", "不能超过 " + max + " 个字符", max);
    }
}

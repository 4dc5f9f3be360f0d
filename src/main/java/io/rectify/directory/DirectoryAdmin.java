package io.rectify.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.rectify.audit.AuditLog;
import io.rectify.kernel.ConflictException;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.NotFoundException;
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
    static final Pattern SITE_CODE = Pattern.compile("[A-Za-z0-9]{10}");
    static final int FILING_MAX = 64;
    static final int COLUMNS_MAX = 50;
    /** how many of the things that keep a body from being deactivated are named */
    static final int BLOCKERS_SHOWN = 10;

    private final RegionRepository regions;
    private final OrganizationRepository organizations;
    private final WebsiteRepository websites;
    private final AppUserRepository users;
    private final AuditLog audit;
    private final List<BodyInUse> uses;
    private final org.springframework.beans.factory.ObjectProvider<WebsiteAddressCheck> addressCheck;

    DirectoryAdmin(RegionRepository regions, OrganizationRepository organizations, WebsiteRepository websites,
                   AppUserRepository users, AuditLog audit, List<BodyInUse> uses,
                   org.springframework.beans.factory.ObjectProvider<WebsiteAddressCheck> addressCheck) {
        this.addressCheck = addressCheck;
        this.regions = regions;
        this.organizations = organizations;
        this.websites = websites;
        this.users = users;
        this.audit = audit;
        this.uses = uses;
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
        Website saved = websites.save(checkedNewWebsite(website, "", problems, new java.util.HashSet<>(), new java.util.HashSet<>()));
        audit.record(actor.username(), "WEBSITE_REGISTERED", null, saved.url() + " for " + saved.orgCode() + ": " + saved.name());
        return saved;
    }

    /**
     * The province's list of websites, all or nothing: every line is checked before any is saved,
     * and the problems name their line ({@code line 7: siteCode}). Returns the sites registered.
     */
    public List<Website> importWebsites(Actor actor, List<WebsiteLine> lines) {
        requireAdmin(actor);
        if (lines.isEmpty()) {
            throw InvalidInputException.of("file", "admin.website.import.empty", "文件中没有网站");
        }
        List<FieldProblem> problems = new ArrayList<>();
        java.util.Set<String> urls = new java.util.HashSet<>();
        java.util.Set<String> codes = new java.util.HashSet<>();
        List<Website> checked = new ArrayList<>();
        for (WebsiteLine line : lines) {
            List<FieldProblem> lineProblems = new ArrayList<>();
            String prefix = "line " + line.number() + ": ";
            try {
                checked.add(checkedNewWebsite(line.website(), prefix, lineProblems, urls, codes));
            } catch (InvalidInputException bad) {
                problems.addAll(bad.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Website> saved = websites.saveAll(checked);
        audit.record(actor.username(), "WEBSITES_IMPORTED", null, saved.size() + " website(s) imported: "
                + saved.stream().map(Website::url).limit(20).collect(java.util.stream.Collectors.joining(", ")));
        return saved;
    }

    /** A new website checked field by field; problems name the field after the prefix (an import's line). */
    private Website checkedNewWebsite(NewWebsite website, String prefix, List<FieldProblem> problems,
                                      java.util.Set<String> urlsSoFar, java.util.Set<String> codesSoFar) {
        String url = trim(website.url());
        if (required(problems, prefix + "url", url)) {
            if (url.length() > URL_MAX) {
                problems.add(tooLong(prefix + "url", URL_MAX));
            } else if (!WEBSITE_URL.matcher(url).matches()) {
                problems.add(FieldProblem.of(prefix + "url", "admin.website.url.invalid", "网站地址应以 http:// 或 https:// 开头"));
            } else if (websites.findByUrl(url).isPresent() || !urlsSoFar.add(url)) {
                problems.add(FieldProblem.of(prefix + "url", "admin.website.url.taken", "该网站已登记", url));
            } else {
                addressRefusal(url).ifPresent(why -> problems.add(FieldProblem.of(prefix + "url", "admin.website.url.refused", why, why)));
            }
        }
        String name = name(problems, prefix + "name", website.name());
        String orgCode = trim(website.orgCode());
        if (required(problems, prefix + "orgCode", orgCode)) {
            ownerProblem(orgCode, null).ifPresent(p -> problems.add(new FieldProblem(prefix + p.field(), p.code(), p.args(), p.defaultMessage())));
        }
        String siteCode = trim(website.siteCode());
        if (siteCode != null && !codesSoFar.add(siteCode)) {
            problems.add(FieldProblem.of(prefix + "siteCode", "admin.website.siteCode.taken", "网站标识码已被使用：" + siteCode, siteCode));
        } else {
            siteCodeProblem(prefix, siteCode, null).ifPresent(problems::add);
        }
        Details details = details(problems, prefix, website.state(), website.icpNumber(), website.psbNumber(), website.columns());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Website site = new Website(url, name, orgCode);
        site.register(siteCode, details.state(), details.icp(), details.psb(), details.columns());
        return site;
    }

    private Optional<FieldProblem> siteCodeProblem(String prefix, String siteCode, Long siteId) {
        if (siteCode == null) {
            return Optional.empty();
        }
        if (!SITE_CODE.matcher(siteCode).matches()) {
            return Optional.of(FieldProblem.of(prefix + "siteCode", "admin.website.siteCode.invalid",
                    "网站标识码是 10 位字母或数字"));
        }
        if (websites.findBySiteCode(siteCode).filter(other -> !other.id().equals(siteId)).isPresent()) {
            return Optional.of(FieldProblem.of(prefix + "siteCode", "admin.website.siteCode.taken",
                    "网站标识码已被使用：" + siteCode, siteCode));
        }
        return Optional.empty();
    }

    private record Details(SiteState state, String icp, String psb, List<WatchedColumn> columns) {
    }

    private Details details(List<FieldProblem> problems, String prefix, String stateText, String icpText, String psbText,
                            List<ColumnInput> columnInputs) {
        SiteState state = SiteState.OPEN;
        String stateValue = trim(stateText);
        if (stateValue != null) {
            try {
                state = SiteState.valueOf(stateValue.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                problems.add(FieldProblem.of(prefix + "state", "admin.website.state.invalid", "状态应为 OPEN 或 CLOSED"));
            }
        }
        String icp = filing(problems, prefix + "icpNumber", icpText);
        String psb = filing(problems, prefix + "psbNumber", psbText);
        List<WatchedColumn> columns = new ArrayList<>();
        List<ColumnInput> inputs = columnInputs == null ? List.of() : columnInputs;
        if (inputs.size() > COLUMNS_MAX) {
            problems.add(FieldProblem.of(prefix + "columns", "admin.website.columns.tooMany", "栏目不能超过 " + COLUMNS_MAX + " 个", COLUMNS_MAX));
            return new Details(state, icp, psb, columns);
        }
        for (int i = 0; i < inputs.size(); i++) {
            ColumnInput input = inputs.get(i) == null ? new ColumnInput(null, null, null) : inputs.get(i);
            String field = prefix + "columns[" + i + "].";
            String columnName = name(problems, field + "name", input.name());
            String columnUrl = trim(input.url());
            if (required(problems, field + "url", columnUrl)) {
                if (columnUrl.length() > URL_MAX) {
                    problems.add(tooLong(field + "url", URL_MAX));
                } else if (!WEBSITE_URL.matcher(columnUrl).matches()) {
                    problems.add(FieldProblem.of(field + "url", "admin.website.url.invalid", "网站地址应以 http:// 或 https:// 开头"));
                } else {
                    addressRefusal(columnUrl).ifPresent(why -> problems.add(FieldProblem.of(field + "url", "admin.website.url.refused", why, why)));
                }
            }
            ColumnKind kind = null;
            String kindText = trim(input.kind());
            if (required(problems, field + "kind", kindText)) {
                try {
                    kind = ColumnKind.valueOf(kindText.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException unknown) {
                    problems.add(FieldProblem.of(field + "kind", "admin.website.column.kind.invalid",
                            "栏目类型应为 NEWS、NOTICE、POLICY、INTERACTION 或 OTHER"));
                }
            }
            columns.add(new WatchedColumn(columnName, columnUrl, kind));
        }
        return new Details(state, icp, psb, columns);
    }

    private static String filing(List<FieldProblem> problems, String field, String value) {
        String number = trim(value);
        if (number != null && number.length() > FILING_MAX) {
            problems.add(tooLong(field, FILING_MAX));
        }
        UnsafeText.problem(field, number).ifPresent(problems::add);
        return number;
    }

    private Optional<String> addressRefusal(String url) {
        WebsiteAddressCheck check = addressCheck.getIfAvailable();
        return check == null ? Optional.empty() : check.refusal(url);
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

    // --- edits and deactivation ---------------------------------------------------------------
    //
    // Nothing in the directory is deleted: cases, accounts and the audit record name bodies and
    // websites for as long as they are kept. A deactivated one stays readable everywhere it is
    // named and is offered for nothing new. Each edit carries the version it was made on; a version
    // another administrator has moved on is refused (409) instead of undoing their change unseen.

    /** One body, active or not. */
    @Transactional(readOnly = true)
    public Organization body(Actor actor, String code) {
        requireAdmin(actor);
        return findBody(code);
    }

    /**
     * The names, region and (an office's) case prefix of a body; its code and kind stay, as cases,
     * accounts and case numbers were made on them. A body with open cases keeps its region until
     * they are done: their routing was decided by it.
     */
    public Organization editBody(Actor actor, String code, BodyEdit edit) {
        requireAdmin(actor);
        Organization body = findBody(code);
        List<FieldProblem> problems = new ArrayList<>();
        Long version = version(problems, edit.version());
        String nameZh = name(problems, "nameZh", edit.nameZh());
        String nameEn = name(problems, "nameEn", edit.nameEn());
        String regionCode = trim(edit.regionCode());
        if (required(problems, "regionCode", regionCode) && !regions.existsById(regionCode)) {
            problems.add(FieldProblem.of("regionCode", "admin.body.region.unknown", "没有这个行政区：" + regionCode, regionCode));
        }
        String prefix = trim(edit.casePrefix());
        if (body.kind() == OrgKind.OFFICE) {
            if (required(problems, "casePrefix", prefix)) {
                if (prefix.length() > PREFIX_MAX) {
                    problems.add(tooLong("casePrefix", PREFIX_MAX));
                } else if (!prefix.equals(body.casePrefix()) && organizations.existsByCasePrefix(prefix)) {
                    problems.add(FieldProblem.of("casePrefix", "admin.body.casePrefix.taken", "已有单位使用文号前缀 " + prefix, prefix));
                }
            }
        } else if (prefix != null) {
            problems.add(FieldProblem.of("casePrefix", "admin.body.casePrefix.officesOnly", "只有办公厅（室）等立案机关使用文号前缀"));
        }
        if (regionCode != null && !regionCode.equals(body.regionCode()) && problems.stream().noneMatch(p -> p.field().equals("regionCode"))) {
            List<String> open = openWork(code);
            if (!open.isEmpty()) {
                problems.add(FieldProblem.of("regionCode", "admin.body.region.openCases",
                        "该单位尚有未办结的案件，办结前不能改变行政区：" + String.join("、", open), String.join(", ", open)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        requireVersion(body.version(), version, "单位 " + code, "The body " + code);
        String before = body.nameZh() + " / " + body.nameEn() + " in " + body.regionCode()
                + (body.kind() == OrgKind.OFFICE ? ", case prefix " + body.casePrefix() : "");
        // an office or supervision body moved to another region acts on other bodies: the security administrator approves it again
        boolean moved = !regionCode.equals(body.regionCode()) && Organization.needsApproval(body.kind());
        body.rename(nameZh, nameEn, regionCode, body.kind() == OrgKind.OFFICE ? prefix : null);
        if (moved) {
            body.pendingApproval();
        }
        organizations.saveAndFlush(body);
        audit.record(actor.username(), "BODY_EDITED", null, code + ": was " + before + "; now " + nameZh + " / " + nameEn
                + " in " + regionCode + (body.kind() == OrgKind.OFFICE ? ", case prefix " + prefix : "")
                + (moved ? "; pending the security administrator's approval" : ""));
        return body;
    }

    /**
     * A body leaves the choosers of new cases, websites and accounts. Refused (409, naming them)
     * while it has open cases or accounts that may still sign in: the cases need it to answer or
     * act, and its people would otherwise work for a body that is gone. Deactivating an inactive
     * body changes nothing.
     */
    public Organization deactivateBody(Actor actor, String code) {
        requireAdmin(actor);
        Organization body = findBody(code);
        if (!body.active()) {
            return body;
        }
        List<String> open = openWork(code);
        List<String> accounts = users.findByOrgCodeAndEnabledTrueOrderByUsername(code).stream()
                .map(AppUser::username).limit(BLOCKERS_SHOWN).toList();
        if (!open.isEmpty() || !accounts.isEmpty()) {
            throw new BodyInUseException(code, open, accounts);
        }
        body.deactivate();
        organizations.saveAndFlush(body);
        audit.record(actor.username(), "BODY_DEACTIVATED", null, code + ": " + body.nameZh());
        return body;
    }

    public Organization activateBody(Actor actor, String code) {
        requireAdmin(actor);
        Organization body = findBody(code);
        if (body.active()) {
            return body;
        }
        body.activate();
        organizations.saveAndFlush(body);
        audit.record(actor.username(), "BODY_ACTIVATED", null, code + ": " + body.nameZh());
        return body;
    }

    /** One website, active or not. */
    @Transactional(readOnly = true)
    public Website website(Actor actor, long id) {
        requireAdmin(actor);
        return findWebsite(id);
    }

    /** The address, name and owner of a website; cases opened on it keep the address they were opened with. */
    public Website editWebsite(Actor actor, long id, WebsiteEdit edit) {
        requireAdmin(actor);
        Website site = findWebsite(id);
        List<FieldProblem> problems = new ArrayList<>();
        Long version = version(problems, edit.version());
        String url = trim(edit.url());
        if (required(problems, "url", url)) {
            if (url.length() > URL_MAX) {
                problems.add(tooLong("url", URL_MAX));
            } else if (!WEBSITE_URL.matcher(url).matches()) {
                problems.add(FieldProblem.of("url", "admin.website.url.invalid", "网站地址应以 http:// 或 https:// 开头"));
            } else if (websites.findByUrl(url).filter(other -> !other.id().equals(site.id())).isPresent()) {
                problems.add(FieldProblem.of("url", "admin.website.url.taken", "该网站已登记", url));
            }
        }
        String name = name(problems, "name", edit.name());
        String orgCode = trim(edit.orgCode());
        if (required(problems, "orgCode", orgCode)) {
            ownerProblem(orgCode, site.orgCode()).ifPresent(problems::add);
        }
        if (url != null && !url.equals(site.url())) {
            addressRefusal(url).ifPresent(why -> problems.add(FieldProblem.of("url", "admin.website.url.refused", why, why)));
        }
        // a registry field left out (null) stays as it is, as the columns do; an empty one is cleared
        String siteCode = edit.siteCode() == null ? site.siteCode() : trim(edit.siteCode());
        siteCodeProblem("", siteCode, site.id()).ifPresent(problems::add);
        Details details = details(problems, "", edit.state() == null ? site.state().name() : edit.state(),
                edit.icpNumber() == null ? site.icpNumber() : edit.icpNumber(),
                edit.psbNumber() == null ? site.psbNumber() : edit.psbNumber(),
                edit.columns() == null ? site.columns().stream().map(ColumnInput::of).toList() : edit.columns());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        requireVersion(site.version(), version, "网站 " + site.url(), "The website " + site.url());
        String before = site.url() + " for " + site.orgCode() + ": " + site.name();
        site.change(url, name, orgCode);
        site.register(siteCode, details.state(), details.icp(), details.psb(), details.columns());
        websites.saveAndFlush(site);
        audit.record(actor.username(), "WEBSITE_EDITED", null, "website " + id + ": was " + before + "; now " + url
                + " for " + orgCode + ": " + name);
        return site;
    }

    /** A website no longer chosen for new cases; the cases that name it keep it. */
    public Website deactivateWebsite(Actor actor, long id) {
        requireAdmin(actor);
        Website site = findWebsite(id);
        if (site.active()) {
            site.deactivate();
            websites.saveAndFlush(site);
            audit.record(actor.username(), "WEBSITE_DEACTIVATED", null, "website " + id + ": " + site.url());
        }
        return site;
    }

    public Website activateWebsite(Actor actor, long id) {
        requireAdmin(actor);
        Website site = findWebsite(id);
        if (!site.active()) {
            site.activate();
            websites.saveAndFlush(site);
            audit.record(actor.username(), "WEBSITE_ACTIVATED", null, "website " + id + ": " + site.url());
        }
        return site;
    }

    private Organization findBody(String code) {
        return (code == null ? Optional.<Organization>empty() : organizations.findById(code))
                .orElseThrow(() -> new NotFoundException("body " + code));
    }

    private Website findWebsite(long id) {
        return websites.findById(id).orElseThrow(() -> new NotFoundException("website " + id));
    }

    /** A website's owner: a body that exists and is active, unless it is the owner the site already has. */
    private Optional<FieldProblem> ownerProblem(String orgCode, String currentOwner) {
        Organization owner = organizations.findById(orgCode).orElse(null);
        if (owner == null) {
            return Optional.of(FieldProblem.of("orgCode", "admin.website.org.unknown", "没有这个单位：" + orgCode, orgCode));
        }
        if (!owner.active() && !orgCode.equals(currentOwner)) {
            return Optional.of(FieldProblem.of("orgCode", "admin.org.inactive", "单位 " + orgCode + " 已停用", orgCode));
        }
        return Optional.empty();
    }

    private List<String> openWork(String code) {
        return uses.stream().flatMap(use -> use.openWork(code, BLOCKERS_SHOWN).stream()).limit(BLOCKERS_SHOWN).toList();
    }

    private static String name(List<FieldProblem> problems, String field, String value) {
        String name = trim(value);
        if (required(problems, field, name) && name.length() > NAME_MAX) {
            problems.add(tooLong(field, NAME_MAX));
        }
        UnsafeText.problem(field, name).ifPresent(problems::add);
        return name;
    }

    private static Long version(List<FieldProblem> problems, Long version) {
        if (version == null) {
            problems.add(FieldProblem.of("version", "admin.version.required",
                    "缺少版本号：请先读取当前记录，再以其 version 提交修改"));
        }
        return version;
    }

    /** The edit was made on what another administrator has changed since: they are told, not overwritten. */
    static void requireVersion(long current, long editedOn, String whatZh, String whatEn) {
        if (current != editedOn) {
            throw new ConflictException(whatZh + " 已被他人修改，请重新打开后再改 / " + whatEn
                    + " was changed by someone else meanwhile; open it again and redo the change");
        }
    }

    /** A body that cannot be deactivated yet, with what keeps it (409). */
    public static class BodyInUseException extends ConflictException {
        private final List<String> openCases;
        private final List<String> accounts;

        BodyInUseException(String code, List<String> openCases, List<String> accounts) {
            super("单位 " + code + " 尚有" + (openCases.isEmpty() ? "" : "未办结的案件（" + String.join("、", openCases) + "）")
                    + (!openCases.isEmpty() && !accounts.isEmpty() ? "和" : "")
                    + (accounts.isEmpty() ? "" : "可登录的账号（" + String.join("、", accounts) + "）")
                    + "，不能停用 / The body " + code + " still has "
                    + (openCases.isEmpty() ? "" : "open cases (" + String.join(", ", openCases) + ")")
                    + (!openCases.isEmpty() && !accounts.isEmpty() ? " and " : "")
                    + (accounts.isEmpty() ? "" : "accounts that may sign in (" + String.join(", ", accounts) + ")")
                    + ": close the cases and have the accounts deactivated first");
            this.openCases = List.copyOf(openCases);
            this.accounts = List.copyOf(accounts);
        }

        public List<String> openCases() {
            return openCases;
        }

        public List<String> accounts() {
            return accounts;
        }
    }

    public record BodyEdit(String nameZh, String nameEn, String regionCode, String casePrefix, Long version) {
    }

    public record WebsiteEdit(String url, String name, String orgCode, Long version, String siteCode, String state,
                              String icpNumber, String psbNumber, List<ColumnInput> columns) {
        public WebsiteEdit(String url, String name, String orgCode, Long version) {
            this(url, name, orgCode, version, null, null, null, null, null);
        }
    }

    /** A watched column as typed or imported: its kind still text, checked with the rest. */
    public record ColumnInput(String name, String url, String kind) {
        static ColumnInput of(WatchedColumn column) {
            return new ColumnInput(column.name(), column.url(), column.kind() == null ? null : column.kind().name());
        }
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

    public record NewWebsite(String url, String name, String orgCode, String siteCode, String state, String icpNumber,
                             String psbNumber, List<ColumnInput> columns) {
        public NewWebsite(String url, String name, String orgCode) {
            this(url, name, orgCode, null, null, null, null, null);
        }
    }

    /** A website of an imported list and the number of the file's line it was read from. */
    public record WebsiteLine(int number, NewWebsite website) {
    }

    private static FieldProblem tooLong(String field, int max) {
        return FieldProblem.of(field, "admin.field.tooLong", "不能超过 " + max + " 个字符", max);
    }
}

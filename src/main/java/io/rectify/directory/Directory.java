package io.rectify.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Bodies, regions and the jurisdiction they give: a body sees its own region and every region
 * below it (a province office the whole province, a city office its city and its counties).
 */
@Service
@Transactional(readOnly = true)
public class Directory {

    private static final String GROUP_PREFIX = "org:";
    /** Bodies read by plain SQL where an opening reads them, not managed by JPA (src/docs/performance.md, P9). */
    private static final String SELECT_ORGANIZATION =
            "select code, name_zh, name_en, kind, region_code, case_prefix, active, approved from organization";
    private static final RowMapper<Organization> ORGANIZATION_ROW = (row, i) -> new Organization(row.getString("code"),
            row.getString("name_zh"), row.getString("name_en"), OrgKind.valueOf(row.getString("kind")),
            row.getString("region_code"), row.getString("case_prefix")).withActive(row.getBoolean("active"))
            .withApproval(row.getBoolean("approved"));
    /** The key under which a transaction keeps the regions it has read, see {@link #allRegions()}. */
    private static final Object REGIONS_OF_THIS_TRANSACTION = new Object();

    private final OrganizationRepository organizations;
    private final AppUserRepository users;
    private final NamedParameterJdbcTemplate jdbc;
    private final WebsiteRepository websites;

    Directory(OrganizationRepository organizations, AppUserRepository users, NamedParameterJdbcTemplate jdbc,
              WebsiteRepository websites) {
        this.organizations = organizations;
        this.users = users;
        this.jdbc = jdbc;
        this.websites = websites;
    }

    /** The active websites of these bodies, by body then name: what a new case may name. */
    public List<Website> activeWebsitesOf(Collection<String> orgCodes) {
        return orgCodes.isEmpty() ? List.of() : websites.findByOrgCodeInAndActiveTrueOrderByOrgCodeAscNameAscUrlAsc(orgCodes);
    }

    /** One registered website, active or not. */
    public Optional<Website> website(long id) {
        return websites.findById(id);
    }

    /** Every website of these bodies, active or not, by body then name. */
    public List<Website> websitesOf(Collection<String> orgCodes) {
        return orgCodes.isEmpty() ? List.of() : websites.findByOrgCodeInOrderByOrgCodeAscNameAscUrlAsc(orgCodes);
    }

    /** The ids of the websites the monitoring watches: active and open. */
    public List<Long> watchedWebsiteIds() {
        return jdbc.getJdbcTemplate().queryForList("select id from website where active and state = 'OPEN' order by id", Long.class);
    }

    /** The registered website of this address, active or not. */
    public Optional<Website> websiteAt(String url) {
        return url == null ? Optional.empty() : websites.findByUrl(url);
    }

    /**
     * The addresses of every registered website, active or not, whose address names this domain:
     * the registry's side of a portal's links. A wider match than the host (a wildcard in the name)
     * costs nothing: the caller compares hosts.
     */
    public List<String> websiteUrlsNaming(String domain) {
        return jdbc.getJdbcTemplate().queryForList("select url from website where lower(url) like ?", String.class,
                "%" + domain.toLowerCase(java.util.Locale.ROOT) + "%");
    }

    /** The engine's candidate group of a body: tasks go to bodies, never to names. */
    public static String groupOf(String orgCode) {
        return GROUP_PREFIX + orgCode;
    }

    public Optional<Organization> findOrganization(String code) {
        return code == null ? Optional.empty() : organizations.findById(code);
    }

    /**
     * The bodies of these codes that exist, by code, read in one query by plain SQL; the objects
     * returned are not managed. Through JPA's find-all-by-id, Hibernate built and translated a new
     * criteria query at every call: a seventh of an opening's time in the JVM (src/docs/performance.md,
     * P9).
     */
    public Map<String, Organization> findOrganizations(String... codes) {
        List<String> wanted = Arrays.stream(codes).filter(Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return jdbc.query(SELECT_ORGANIZATION + " where code in (:codes)", Map.of("codes", wanted), ORGANIZATION_ROW)
                .stream().collect(Collectors.toMap(Organization::code, Function.identity()));
    }

    public List<Organization> organizations() {
        return organizations.findAll();
    }

    public Optional<Actor> actor(String username) {
        return users.findByUsername(username).map(this::actorOf);
    }

    public Actor actorOf(AppUser user) {
        Organization org = findOrganization(user.orgCode()).orElse(null);
        return new Actor(user.username(), user.role(), user.orgCode(),
                org == null ? null : org.kind(), org == null ? null : org.regionCode());
    }

    /** The region itself and every region below it. */
    public Set<String> regionAndBelow(String regionCode) {
        Map<String, List<Region>> children = allRegions().stream()
                .filter(r -> r.parentCode() != null)
                .collect(Collectors.groupingBy(Region::parentCode));
        Set<String> result = new HashSet<>();
        List<String> pending = new ArrayList<>(List.of(regionCode));
        while (!pending.isEmpty()) {
            String code = pending.remove(pending.size() - 1);
            if (result.add(code)) {
                children.getOrDefault(code, List.of()).forEach(child -> pending.add(child.code()));
            }
        }
        return result;
    }

    /** The regions directly below this one (a province's cities), for figures by region. */
    public List<Region> regionsBelow(String regionCode) {
        return allRegions().stream().filter(r -> regionCode.equals(r.parentCode())).toList();
    }

    /** A region by its code. */
    public Optional<Region> region(String regionCode) {
        return allRegions().stream().filter(r -> r.code().equals(regionCode)).findFirst();
    }

    /** Whether these are every region there is (a body's region and those below: the whole province). */
    public boolean isEveryRegion(Set<String> regionCodes) {
        return allRegions().stream().allMatch(region -> regionCodes.contains(region.code()));
    }

    /** The region itself, then its parent, up to the province. */
    public List<String> regionAndAbove(String regionCode) {
        Map<String, Region> byCode = allRegions().stream()
                .collect(Collectors.toMap(Region::code, Function.identity()));
        List<String> chain = new ArrayList<>();
        for (Region r = byCode.get(regionCode); r != null && !chain.contains(r.code()); r = byCode.get(r.parentCode())) {
            chain.add(r.code());
        }
        return chain;
    }

    public boolean isWithin(String regionCode, String ancestorRegionCode) {
        return regionAndAbove(regionCode).contains(ancestorRegionCode);
    }

    /**
     * Every region, read once per transaction: the table holds a province's few hundred rows, and
     * opening a case walks it three times (the respondent within the office's jurisdiction, the
     * offices and the supervision bodies above the case), one SELECT instead of three
     * (src/docs/performance.md, P9). Nothing writes regions in a transaction that reads them
     * (migrations and the demo seed do).
     */
    private List<Region> allRegions() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return readRegions();
        }
        @SuppressWarnings("unchecked")
        List<Region> read = (List<Region>) TransactionSynchronizationManager.getResource(REGIONS_OF_THIS_TRANSACTION);
        if (read == null) {
            read = readRegions();
            TransactionSynchronizationManager.bindResource(REGIONS_OF_THIS_TRANSACTION, read);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(REGIONS_OF_THIS_TRANSACTION);
                }
            });
        }
        return read;
    }

    /**
     * Bodies of these kinds in this region and above, nearest first: who acts on a case of the
     * region. One query for all the kinds asked for (opening a case asks for offices and
     * supervision bodies at once: src/docs/performance.md, P9).
     */
    public List<Organization> bodiesInAndAbove(String regionCode, OrgKind... kinds) {
        List<String> chain = regionAndAbove(regionCode);
        List<Organization> found = new ArrayList<>(jdbc.query(
                // a body awaiting the security administrator's approval receives no task
                SELECT_ORGANIZATION + " where kind in (:kinds) and region_code in (:regions) and approved = true",
                Map.of("kinds", Arrays.stream(kinds).map(OrgKind::name).toList(), "regions", chain),
                ORGANIZATION_ROW));
        found.sort(Comparator.comparingInt(body -> chain.indexOf(body.regionCode())));
        return found;
    }

    /**
     * Every region, by plain SQL like {@link #bodiesInAndAbove}, not through JPA: every opening of a
     * case reads them and nothing changes them, and through Hibernate the two reads cost about a
     * sixth of an opening's time in a profile of the benchmark, for entities it would then keep and
     * compare at every flush (src/docs/performance.md, P9). The objects returned are not managed.
     */
    private List<Region> readRegions() {
        return jdbc.query("select code, name_zh, name_en, parent_code from region", Map.of(),
                (row, i) -> new Region(row.getString("code"), row.getString("name_zh"), row.getString("name_en"),
                        row.getString("parent_code")));
    }
}

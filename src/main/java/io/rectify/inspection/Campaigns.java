package io.rectify.inspection;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.rectify.audit.AuditLog;
import io.rectify.directory.Actor;
import io.rectify.directory.Directory;
import io.rectify.directory.OrgKind;
import io.rectify.directory.Role;
import io.rectify.kernel.ConflictException;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.ForbiddenException;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spot-check campaigns: an office's supervisor starts one over its jurisdiction (or a region
 * within it), the sample is drawn at once and stored with its seed, and every sampled site gets
 * its inspection. Who sees a campaign: the supervisors of offices whose jurisdiction holds its
 * region (a city office only its city's campaigns); anyone else is answered as if it did not exist.
 */
@Service
public class Campaigns {

    public static final double DEFAULT_RATIO = 0.3;
    private static final SecureRandom SEEDS = new SecureRandom();

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Directory directory;
    private final Checklists checklists;
    private final AuditLog audit;
    private final Clock clock;

    Campaigns(JdbcClient jdbc, NamedParameterJdbcTemplate named, Directory directory, Checklists checklists,
              AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.named = named;
        this.directory = directory;
        this.checklists = checklists;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a supervisor asks for. {@code samplingRatio}, {@code seed}, {@code regionCode} and {@code sampleSize} may be null. */
    public record NewCampaign(String name, LocalDate periodFrom, LocalDate periodTo, Double samplingRatio, Long seed,
                              String regionCode, Integer sampleSize) {
    }

    /** A new campaign with its sample. */
    @Transactional
    public Campaign start(Actor actor, NewCampaign command) {
        requireOfficeSupervisor(actor);
        List<FieldProblem> problems = new ArrayList<>();
        if (command.name() == null || command.name().isBlank() || command.name().length() > 200) {
            problems.add(FieldProblem.of("name", "inspection.campaign.name", "须写明抽查的名称（不超过200字）"));
        }
        if (command.periodFrom() == null) {
            problems.add(FieldProblem.of("periodFrom", "inspection.campaign.periodFrom", "须写明抽查期间的开始日期"));
        }
        if (command.periodTo() == null) {
            problems.add(FieldProblem.of("periodTo", "inspection.campaign.periodTo", "须写明抽查期间的结束日期"));
        } else if (command.periodFrom() != null && command.periodTo().isBefore(command.periodFrom())) {
            problems.add(FieldProblem.of("periodTo", "inspection.campaign.periodOrder", "结束日期不能早于开始日期"));
        }
        double ratio = command.samplingRatio() == null ? DEFAULT_RATIO : command.samplingRatio();
        if (!(ratio > 0 && ratio <= 1)) {
            problems.add(FieldProblem.of("samplingRatio", "inspection.campaign.ratio",
                    "抽查比例须大于0且不超过1：" + ratio, ratio));
        }
        String region = command.regionCode() == null || command.regionCode().isBlank()
                ? actor.regionCode() : command.regionCode();
        Set<String> jurisdiction = directory.regionAndBelow(actor.regionCode());
        List<Sampling.Site> population = List.of();
        if (!jurisdiction.contains(region)) {
            problems.add(FieldProblem.of("regionCode", "inspection.campaign.jurisdiction",
                    "地区 " + region + " 不在本单位的管辖范围内", region));
        } else {
            population = population(region);
            if (population.isEmpty()) {
                problems.add(FieldProblem.of("regionCode", "inspection.campaign.noSites", "该地区没有在用的网站", region));
            }
        }
        Integer size = command.sampleSize();
        if (size != null && (size < 1 || size > population.size()) && !population.isEmpty()) {
            problems.add(FieldProblem.of("sampleSize", "inspection.campaign.sampleTooLarge",
                    "样本数 " + size + " 须在1与总体 " + population.size() + " 之间", size, population.size()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int drawn = size != null ? size : Sampling.sizeOf(population.size(), ratio);
        long seed = command.seed() != null ? command.seed() : SEEDS.nextLong() & Long.MAX_VALUE;
        List<Sampling.Site> sample = Sampling.draw(population, drawn, seed);
        Checklist checklist = checklists.current();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into inspection_campaign (name, period_from, period_to, region_code, office_code,
                            sampling_ratio, seed, checklist_id, status, population, created_by, created_at)
                        values (:name, :from, :to, :region, :office, :ratio, :seed, :checklist, 'OPEN', :population, :by, :at)""")
                .param("name", command.name().strip()).param("from", command.periodFrom())
                .param("to", command.periodTo()).param("region", region).param("office", actor.orgCode())
                .param("ratio", BigDecimal.valueOf(ratio)).param("seed", seed).param("checklist", checklist.id())
                .param("population", population.size()).param("by", actor.username())
                .param("at", Times.utc(clock.instant()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        SqlParameterSource[] rows = sample.stream().map(site -> new MapSqlParameterSource()
                .addValue("campaign", id).addValue("website", site.websiteId()).addValue("org", site.orgCode())
                .addValue("region", site.regionCode()).addValue("level", site.level().name())).toArray(SqlParameterSource[]::new);
        named.batchUpdate("""
                insert into inspection (campaign_id, website_id, org_code, region_code, site_level, status, no_public_service)
                values (:campaign, :website, :org, :region, :level, 'NEW', false)""", rows);
        audit.record(actor.username(), "CAMPAIGN_STARTED", null, "campaign " + id + " " + region + " ratio " + ratio
                + " seed " + seed + ": " + sample.size() + " of " + population.size() + " sites, checklist " + checklist.version());
        return find(id);
    }

    /**
     * The active sites run by bodies of the region and below, with their level: one query, and the
     * region depths from one read of the regions.
     */
    List<Sampling.Site> population(String regionCode) {
        Set<String> regions = directory.regionAndBelow(regionCode);
        Map<String, Integer> depth = new HashMap<>();
        return named.query("""
                        select w.id, w.org_code, o.kind, o.region_code from website w
                        join organization o on o.code = w.org_code
                        where w.active = true and o.region_code in (:regions)""",
                Map.of("regions", regions),
                (row, i) -> {
                    String region = row.getString("region_code");
                    int d = depth.computeIfAbsent(region, r -> directory.regionAndAbove(r).size());
                    return new Sampling.Site(row.getLong("id"), row.getString("org_code"), region,
                            SiteLevel.of(OrgKind.OFFICE.name().equals(row.getString("kind")), d));
                });
    }

    @Transactional(readOnly = true)
    public Campaign visible(Actor actor, long id) {
        Campaign campaign = jdbc.sql(SELECT_CAMPAIGN + " where id = ?").param(id).query(this::campaign).optional()
                .orElseThrow(() -> new NotFoundException("campaign " + id));
        if (!sees(actor, campaign)) {
            throw new NotFoundException("campaign " + id);
        }
        return campaign;
    }

    boolean sees(Actor actor, Campaign campaign) {
        return actor.role() == Role.SUPERVISOR && actor.regionCode() != null
                && directory.isWithin(campaign.regionCode(), actor.regionCode());
    }

    /** The campaigns the caller sees, newest first. */
    @Transactional(readOnly = true)
    public List<Campaign> list(Actor actor) {
        if (actor.role() != Role.SUPERVISOR || actor.regionCode() == null) {
            return List.of();
        }
        return named.query(SELECT_CAMPAIGN + " where region_code in (:regions) order by created_at desc, id desc",
                Map.of("regions", directory.regionAndBelow(actor.regionCode())), this::campaign);
    }

    /** Closes a campaign: its inspections can no longer change. Closing twice → 409. */
    @Transactional
    public Campaign close(Actor actor, long id) {
        Campaign campaign = visible(actor, id);
        requireOfTheOffice(actor, campaign);
        int changed = jdbc.sql("update inspection_campaign set status = 'CLOSED', closed_at = ? where id = ? and status = 'OPEN'")
                .params(Times.utc(clock.instant()), id).update();
        if (changed == 0) {
            throw new ConflictException("campaign " + id + " is already closed");
        }
        audit.record(actor.username(), "CAMPAIGN_CLOSED", null, "campaign " + id);
        return find(id);
    }

    /** The sampled sites of a campaign with their inspections, by site id. */
    @Transactional(readOnly = true)
    public List<SiteInspection> sites(long campaignId) {
        return jdbc.sql(SELECT_INSPECTION + " where i.campaign_id = ? order by i.website_id").param(campaignId)
                .query(Campaigns::inspection).list();
    }

    Campaign find(long id) {
        return jdbc.sql(SELECT_CAMPAIGN + " where id = ?").param(id).query(this::campaign).single();
    }

    void requireOfTheOffice(Actor actor, Campaign campaign) {
        if (!campaign.officeCode().equals(actor.orgCode())) {
            throw new ForbiddenException("only the office that started the campaign acts on it");
        }
    }

    private static void requireOfficeSupervisor(Actor actor) {
        if (actor.role() != Role.SUPERVISOR || actor.orgKind() != OrgKind.OFFICE) {
            throw new ForbiddenException("only an office's supervisor starts a spot check");
        }
    }

    static final String SELECT_CAMPAIGN = """
            select id, name, period_from, period_to, region_code, office_code, sampling_ratio, seed, checklist_id,
                   status, population, created_by, created_at, closed_at from inspection_campaign""";

    static final String SELECT_INSPECTION = """
            select i.id, i.campaign_id, i.website_id, w.name as website_name, w.url as website_url, i.org_code,
                   i.region_code, i.site_level, i.status, i.no_public_service, i.inspector, i.reviewer, i.review_note,
                   i.score, i.vetoed, i.qualified, i.updated_at, i.finalised_at
            from inspection i join website w on w.id = i.website_id""";

    private Campaign campaign(java.sql.ResultSet row, int i) throws java.sql.SQLException {
        return new Campaign(row.getLong("id"), row.getString("name"), row.getObject("period_from", LocalDate.class),
                row.getObject("period_to", LocalDate.class), row.getString("region_code"), row.getString("office_code"),
                row.getBigDecimal("sampling_ratio"), row.getLong("seed"), row.getLong("checklist_id"),
                Campaign.Status.valueOf(row.getString("status")), row.getInt("population"), row.getString("created_by"),
                Times.instant(row.getTimestamp("created_at")), Times.instant(row.getTimestamp("closed_at")));
    }

    static SiteInspection inspection(java.sql.ResultSet row, int i) throws java.sql.SQLException {
        return new SiteInspection(row.getLong("id"), row.getLong("campaign_id"), row.getLong("website_id"),
                row.getString("website_name"), row.getString("website_url"), row.getString("org_code"),
                row.getString("region_code"), SiteLevel.valueOf(row.getString("site_level")),
                SiteInspection.Status.valueOf(row.getString("status")), row.getBoolean("no_public_service"),
                row.getString("inspector"), row.getString("reviewer"), row.getString("review_note"),
                row.getBigDecimal("score"), (Boolean) row.getObject("vetoed"), (Boolean) row.getObject("qualified"),
                Times.instant(row.getTimestamp("updated_at")), Times.instant(row.getTimestamp("finalised_at")));
    }
}

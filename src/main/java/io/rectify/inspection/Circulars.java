package io.rectify.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import io.rectify.audit.AuditLog;
import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.directory.Actor;
import io.rectify.kernel.ConflictException;
import io.rectify.kernel.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 通报 of a campaign: issued once, by a supervisor of the office that ran it, after it closed
 * (when its results can no longer change), from the same {@link CampaignReport} the results page
 * and the XLSX read; downloaded, as frozen, by whoever sees the campaign.
 */
@Service
public class Circulars {

    private final Campaigns campaigns;
    private final CampaignReports reports;
    private final CircularDocuments documents;
    private final WorkingDayCalendar calendar;
    private final CircularSettings settings;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Circulars(Campaigns campaigns, CampaignReports reports, CircularDocuments documents, WorkingDayCalendar calendar,
              CircularSettings settings, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.campaigns = campaigns;
        this.reports = reports;
        this.documents = documents;
        this.calendar = calendar;
        this.settings = settings;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Issues the 通报: 404 to whoever does not see the campaign, 403 to another office, 409 while open or once issued. */
    @Transactional
    public CircularDocuments.Issued issue(Actor actor, long campaignId) {
        Campaign campaign = campaigns.visible(actor, campaignId);
        campaigns.requireOfTheOffice(actor, campaign);
        if (campaign.open()) {
            throw new ConflictException("campaign " + campaignId + " is open: its 通报 is issued once it is closed");
        }
        // the office's campaigns locked: its 通报 are numbered one after another, and a campaign's is issued once
        jdbc.sql("select id from inspection_campaign where office_code = ? for update").param(campaign.officeCode())
                .query(Long.class).list();
        if (documents.of(campaignId).isPresent()) {
            throw new ConflictException("the 通报 of campaign " + campaignId + " is issued already");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.ZONE);
        // the document module records the issue, with its SHA-256, as it does every document's
        return documents.issue(reports.of(actor, campaignId), today,
                calendar.addWorkingDays(today, settings.reportWorkingDays()), actor.username());
    }

    /** The 通报 as issued, for whoever sees the campaign; each download is on the record. 404 before it is issued. */
    @Transactional
    public CircularDocuments.Issued read(Actor actor, long campaignId) {
        campaigns.visible(actor, campaignId);
        CircularDocuments.Issued issued = documents.of(campaignId)
                .orElseThrow(() -> new NotFoundException("the 通报 of campaign " + campaignId));
        audit.record(actor.username(), "DOCUMENT_READ", null, "campaign " + campaignId + " " + issued.number()
                + " " + issued.sha256());
        return issued;
    }

    /** Whether the campaign's 通报 is issued, and which, for its page. */
    @Transactional(readOnly = true)
    public Optional<CircularDocuments.Issued> of(Actor actor, long campaignId) {
        campaigns.visible(actor, campaignId);
        return documents.of(campaignId);
    }
}

package io.rectify.document;

import java.time.LocalDate;
import java.util.Optional;

import io.rectify.inspection.CampaignReport;
import io.rectify.inspection.CircularDocuments;
import org.springframework.stereotype.Component;

/**
 * The campaigns' 通报, kept under the campaign. Numbered in the office's sequence of 通报 for the
 * year (赣府办通报〔2026〕3号); the caller holds the office's campaigns locked.
 */
@Component
class CampaignCirculars implements CircularDocuments {

    private final OfficePapers papers;
    private final DocumentStore store;
    private final DocumentContent content;

    CampaignCirculars(OfficePapers papers, DocumentStore store, DocumentContent content) {
        this.papers = papers;
        this.store = store;
        this.content = content;
    }

    @Override
    public Issued issue(CampaignReport report, LocalDate issuedOn, LocalDate reportsDue, String actor) {
        return papers.issue(DocumentKind.TONGBAO, report.campaign().officeCode(), report.campaign().id(), null, issuedOn, actor,
                number -> content.tongbao(report, number, issuedOn, reportsDue));
    }

    @Override
    public Optional<Issued> of(long campaignId) {
        return store.ofCampaign(campaignId, DocumentKind.TONGBAO)
                .map(d -> OfficePapers.checked(d, "the 通报 of campaign " + campaignId));
    }
}

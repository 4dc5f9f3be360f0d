package io.rectify.document;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import io.rectify.audit.AuditLog;
import io.rectify.directory.Directory;
import io.rectify.directory.Organization;
import io.rectify.document.DocumentContent.Content;
import io.rectify.inspection.CampaignReport;
import io.rectify.inspection.CircularDocuments;
import org.apache.commons.lang3.StringUtils;
import org.springframework.stereotype.Component;

/**
 * The campaigns' 通报, laid out and frozen as the case documents are (template, SHA-256, audit),
 * kept in the same table under the campaign instead of a case. Numbered in the office's sequence
 * of 通报 for the year (赣府办通报〔2026〕3号); the caller holds the office's campaigns locked.
 */
@Component
class CampaignCirculars implements CircularDocuments {

    private final DocumentStore store;
    private final DocumentRenderer renderer;
    private final DocumentContent content;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;

    CampaignCirculars(DocumentStore store, DocumentRenderer renderer, DocumentContent content, Directory directory,
                      AuditLog audit, Clock clock) {
        this.store = store;
        this.renderer = renderer;
        this.content = content;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Issued issue(CampaignReport report, LocalDate issuedOn, LocalDate reportsDue, String actor) {
        String number = nextNumber(directory, store, DocumentKind.TONGBAO, report.campaign().officeCode(), issuedOn);
        Content made = content.tongbao(report, number, issuedOn, reportsDue);
        byte[] pdf = renderer.render(DocumentKind.TONGBAO.template(), made.variables());
        IssuedDocument d = new IssuedDocument(UUID.randomUUID().toString(), null, report.campaign().id(), null,
                DocumentKind.TONGBAO, number, StringUtils.abbreviate(made.title(), 600), clock.instant(),
                StringUtils.abbreviate(actor, 60), Seals.sha256(pdf), pdf.length, null, pdf);
        store.insert(d);
        audit.record(actor, "DOCUMENT_ISSUED", null, "campaign " + report.campaign().id() + " " + d.kind().name() + " "
                + d.number() + " " + d.sha256());
        return issued(d);
    }

    @Override
    public Optional<Issued> of(long campaignId) {
        return store.ofCampaign(campaignId, DocumentKind.TONGBAO).map(d -> checked(d, "the 通报 of campaign " + campaignId));
    }

    /**
     * The next number of the office's series of this kind for the year: its 机关代字 (the case prefix
     * with the kind's code for 整改), the year and the ordinal. The caller holds what it numbers locked.
     */
    static String nextNumber(Directory directory, DocumentStore store, DocumentKind kind, String office, LocalDate issuedOn) {
        String casePrefix = directory.findOrganization(office).map(Organization::casePrefix)
                .filter(StringUtils::isNotBlank).orElse(office);
        String prefix = DocumentText.prefix(casePrefix.strip(), kind) + "〔" + issuedOn.getYear() + "〕";
        return prefix + (store.numbered(kind, prefix) + 1) + "号";
    }

    /** A stored document as issued, its bytes checked against its recorded SHA-256 ({@code what} names it if not). */
    static Issued checked(IssuedDocument d, String what) {
        if (!Seals.sha256(d.bytes()).equals(d.sha256())) {
            throw new IllegalStateException(what + " does not match its recorded SHA-256");
        }
        return issued(d);
    }

    static Issued issued(IssuedDocument d) {
        return new Issued(d.id(), d.number(), d.title(), d.issuedAt(), d.issuedBy(), d.sha256(), d.size(), d.bytes());
    }
}

package io.rectify.document;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

import io.rectify.audit.AuditLog;
import io.rectify.directory.Directory;
import io.rectify.directory.Organization;
import io.rectify.document.DocumentContent.Content;
import io.rectify.inspection.CircularDocuments.Issued;
import org.apache.commons.lang3.StringUtils;
import org.springframework.stereotype.Component;

/**
 * An office's own papers that belong to no case — a campaign's 通报, a reply to a 通报 from above:
 * numbered in the office's series of their kind for the year, laid out, frozen (SHA-256) and
 * audited as the case documents are, and kept in the same table under what they answer.
 */
@Component
class OfficePapers {

    private final DocumentStore store;
    private final DocumentRenderer renderer;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;

    OfficePapers(DocumentStore store, DocumentRenderer renderer, Directory directory, AuditLog audit, Clock clock) {
        this.store = store;
        this.renderer = renderer;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Issues one paper; the caller holds what it numbers locked.
     *
     * @param campaignId the campaign it belongs to, or null
     * @param circularId the 通报 from above it answers, or null
     * @param contentOf  its content, given its number
     */
    Issued issue(DocumentKind kind, String officeCode, Long campaignId, Long circularId, LocalDate issuedOn, String actor,
                 Function<String, Content> contentOf) {
        String number = nextNumber(kind, officeCode, issuedOn);
        Content made = contentOf.apply(number);
        byte[] pdf = renderer.render(kind.template(), made.variables());
        IssuedDocument d = new IssuedDocument(UUID.randomUUID().toString(), null, campaignId, circularId, kind, number,
                StringUtils.abbreviate(made.title(), 600), clock.instant(), StringUtils.abbreviate(actor, 60),
                Seals.sha256(pdf), pdf.length, null, pdf);
        store.insert(d);
        audit.record(actor, "DOCUMENT_ISSUED", null, (campaignId != null ? "campaign " + campaignId : "circular " + circularId)
                + " " + kind.name() + " " + number + " " + d.sha256());
        return issued(d);
    }

    /**
     * The next number of the office's series of this kind for the year: its 机关代字 (the case prefix
     * with the kind's code), the year and the ordinal.
     */
    private String nextNumber(DocumentKind kind, String office, LocalDate issuedOn) {
        String casePrefix = directory.findOrganization(office).map(Organization::casePrefix)
                .filter(StringUtils::isNotBlank).orElse(office);
        String prefix = DocumentText.prefix(casePrefix.strip(), kind) + "〔" + issuedOn.getYear() + "〕";
        return prefix + (store.numbered(kind, prefix) + 1) + "号";
    }

    /** A stored paper as issued, its bytes checked against its recorded SHA-256 ({@code what} names it if not). */
    static Issued checked(IssuedDocument d, String what) {
        if (!Seals.sha256(d.bytes()).equals(d.sha256())) {
            throw new IllegalStateException(what + " does not match its recorded SHA-256");
        }
        return issued(d);
    }

    private static Issued issued(IssuedDocument d) {
        return new Issued(d.id(), d.number(), d.title(), d.issuedAt(), d.issuedBy(), d.sha256(), d.size(), d.bytes());
    }
}

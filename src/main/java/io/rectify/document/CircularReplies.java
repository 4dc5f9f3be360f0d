package io.rectify.document;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import io.rectify.audit.AuditLog;
import io.rectify.directory.Directory;
import io.rectify.document.DocumentContent.Content;
import io.rectify.inspection.CircularDocuments.Issued;
import io.rectify.inspection.CircularFromAbove;
import io.rectify.inspection.ReplyDocuments;
import org.apache.commons.lang3.StringUtils;
import org.springframework.stereotype.Component;

/**
 * The replies to 通报 from above, laid out and frozen as the other documents are (template, SHA-256,
 * audit), kept in the same table under the 通报. Numbered in the office's sequence of replies for
 * the year (洪府办报〔2026〕1号); the caller holds the 通报 locked.
 */
@Component
class CircularReplies implements ReplyDocuments {

    private final DocumentStore store;
    private final DocumentRenderer renderer;
    private final DocumentContent content;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;

    CircularReplies(DocumentStore store, DocumentRenderer renderer, DocumentContent content, Directory directory,
                    AuditLog audit, Clock clock) {
        this.store = store;
        this.renderer = renderer;
        this.content = content;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Issued issue(CircularFromAbove circular, LocalDate issuedOn, String actor) {
        String number = CampaignCirculars.nextNumber(directory, store, DocumentKind.CIRCULAR_REPLY, circular.officeCode(), issuedOn);
        Content made = content.reply(circular, number, issuedOn, actor);
        byte[] pdf = renderer.render(DocumentKind.CIRCULAR_REPLY.template(), made.variables());
        IssuedDocument d = new IssuedDocument(UUID.randomUUID().toString(), null, null, circular.id(),
                DocumentKind.CIRCULAR_REPLY, number, StringUtils.abbreviate(made.title(), 600), clock.instant(),
                StringUtils.abbreviate(actor, 60), Seals.sha256(pdf), pdf.length, null, pdf);
        store.insert(d);
        audit.record(actor, "DOCUMENT_ISSUED", null, "circular " + circular.id() + " " + d.kind().name() + " "
                + d.number() + " " + d.sha256());
        return CampaignCirculars.issued(d);
    }

    @Override
    public Optional<Issued> of(long circularId) {
        return store.ofCircular(circularId, DocumentKind.CIRCULAR_REPLY)
                .map(d -> CampaignCirculars.checked(d, "the reply to circular " + circularId));
    }
}

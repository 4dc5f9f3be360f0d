package io.rectify.document;

import java.time.LocalDate;
import java.util.Optional;

import io.rectify.inspection.CircularDocuments.Issued;
import io.rectify.inspection.CircularFromAbove;
import io.rectify.inspection.ReplyDocuments;
import org.springframework.stereotype.Component;

/**
 * The replies to 通报 from above, kept under the 通报. Numbered in the office's sequence of replies
 * for the year (洪府办报〔2026〕1号); the caller holds the 通报 locked.
 */
@Component
class CircularReplies implements ReplyDocuments {

    private final OfficePapers papers;
    private final DocumentStore store;
    private final DocumentContent content;

    CircularReplies(OfficePapers papers, DocumentStore store, DocumentContent content) {
        this.papers = papers;
        this.store = store;
        this.content = content;
    }

    @Override
    public Issued issue(CircularFromAbove circular, LocalDate issuedOn, String actor) {
        return papers.issue(DocumentKind.CIRCULAR_REPLY, circular.officeCode(), null, circular.id(), issuedOn, actor,
                number -> content.reply(circular, number, issuedOn, actor));
    }

    @Override
    public Optional<Issued> of(long circularId) {
        return store.ofCircular(circularId, DocumentKind.CIRCULAR_REPLY)
                .map(d -> OfficePapers.checked(d, "the reply to circular " + circularId));
    }
}

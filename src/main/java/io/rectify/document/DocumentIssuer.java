package io.rectify.document;

import java.util.List;

import io.rectify.casefile.CaseDocuments;
import io.rectify.casefile.CaseEscalated;
import io.rectify.casefile.OrderIssued;
import io.rectify.casefile.RectificationVerified;
import io.rectify.directory.Actor;
import io.rectify.directory.Directory;
import io.rectify.sanction.SanctionsRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Issues the document of each step as the step happens, in the step's own transaction (the events
 * are published inside it and heard synchronously): the order's document exists as soon as
 * {@code issueOrder} completes, and a step that rolls back leaves no document behind.
 */
@Component
class DocumentIssuer implements CaseDocuments {

    private final Documents documents;
    private final DocumentStore store;
    private final Directory directory;

    DocumentIssuer(Documents documents, DocumentStore store, Directory directory) {
        this.documents = documents;
        this.store = store;
        this.directory = directory;
    }

    @EventListener
    void on(OrderIssued event) {
        documents.issueOrder(event.caseId(), event.actor());
    }

    @EventListener
    void on(CaseEscalated event) {
        documents.issueReferral(event.caseId(), event.reason());
    }

    @EventListener
    void on(RectificationVerified event) {
        documents.issueVerification(event.caseId(), event.actor());
    }

    @EventListener
    void on(SanctionsRecorded event) {
        String issuer = directory.actor(event.actor()).map(Actor::orgCode).orElseThrow();
        documents.issueSanctionRecord(event.caseId(), event.actor(), issuer);
    }

    @Override
    public List<Listed> of(String caseId) {
        return store.list(caseId).stream()
                .map(d -> new Listed(d.id(), d.kind().name(), d.number(), d.title(), d.issuedAt(), d.sha256(), d.size(),
                        d.replaces()))
                .toList();
    }
}

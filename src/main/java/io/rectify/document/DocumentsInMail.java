package io.rectify.document;

import java.util.List;
import java.util.Map;

import io.rectify.notification.MailAttachment;
import io.rectify.notification.MailAttachments;
import org.springframework.stereotype.Component;

/**
 * The document a notice's mail carries: the order with the order's notice, the urging notice with
 * the urge, the referral with the escalation. The bytes are the frozen ones, so the attachment's
 * SHA-256 is the one the case page lists.
 */
@Component
class DocumentsInMail implements MailAttachments {

    private static final Map<String, DocumentKind> DOCUMENT_OF_NOTICE = Map.of(
            "ORDER_ISSUED", DocumentKind.ORDER,
            "URGED", DocumentKind.URGING,
            "ESCALATED", DocumentKind.REFERRAL);

    private final Documents documents;

    DocumentsInMail(Documents documents) {
        this.documents = documents;
    }

    @Override
    public List<MailAttachment> forNotification(String caseId, String kind) {
        DocumentKind document = DOCUMENT_OF_NOTICE.get(kind);
        if (caseId == null || document == null) {
            return List.of();
        }
        return documents.latest(caseId, document)
                .map(issued -> List.of(new MailAttachment(issued.fileName(), "application/pdf", issued.bytes())))
                .orElse(List.of());
    }
}

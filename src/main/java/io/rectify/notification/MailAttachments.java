package io.rectify.notification;

import java.util.List;

/**
 * The files a notification's mail carries, by the case and the notification's kind (the order's
 * PDF for ORDER_ISSUED). Another module provides the bean; without one, mail carries none.
 */
public interface MailAttachments {

    List<MailAttachment> forNotification(String caseId, String kind);

    /** The files when no module provides any. */
    MailAttachments NONE = (caseId, kind) -> List.of();
}

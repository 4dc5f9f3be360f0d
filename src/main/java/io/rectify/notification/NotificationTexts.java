package io.rectify.notification;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.rectify.casefile.CaseService;
import io.rectify.casefile.RectificationCase;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * The words of a notification, from the messages ({@code notify.*}): its title in the centre, in
 * the reader's language, and its mail in Chinese with the English below. They name the case by its
 * number and title only, never a person (a sanction's notice names no one).
 */
@Component
public class NotificationTexts {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;
    private final CaseService cases;

    NotificationTexts(MessageSource messages, CaseService cases) {
        this.messages = messages;
        this.cases = cases;
    }

    /**
     * "整改期限提醒：赣府办整改〔2026〕12号", in the reader's language; a reminder with its working days
     * left, "整改期限提醒（剩余 3 个工作日）：…".
     */
    public String title(String kind, Integer workingDaysLeft, String caseNumber, Locale locale) {
        if (caseNumber == null) {
            return kindName(kind, workingDaysLeft, locale);
        }
        return messages.getMessage("notify.title", new Object[] {kindName(kind, workingDaysLeft, locale), caseNumber},
                locale);
    }

    private String kindName(String kind, Integer workingDaysLeft, Locale locale) {
        try {
            if (workingDaysLeft != null) {
                return messages.getMessage("notify.kind." + kind + ".left", new Object[] {workingDaysLeft}, locale);
            }
            return messages.getMessage("notify.kind." + kind, null, locale);
        } catch (NoSuchMessageException unknown) {
            return kind;
        }
    }

    public Map<String, String> caseNumbers(Set<String> caseIds) {
        return cases.caseNumbers(caseIds);
    }

    /** The subject of a notification's mail: Chinese, then English. */
    String subject(Notification notification) {
        if (notification.caseId() == null) { // a notice about no case, e.g. a citizen's error report forwarded
            return messages.getMessage("notify.mail.subject", new Object[] {
                    title(notification.kind(), notification.workingDaysLeft(), null, CHINESE),
                    title(notification.kind(), notification.workingDaysLeft(), null, Locale.ENGLISH)}, CHINESE);
        }
        RectificationCase about = cases.load(notification.caseId());
        return messages.getMessage("notify.mail.subject", new Object[] {
                title(notification.kind(), notification.workingDaysLeft(), about.caseNumber(), CHINESE),
                title(notification.kind(), notification.workingDaysLeft(), about.caseNumber(), Locale.ENGLISH)}, CHINESE);
    }

    /** The text of a notification's mail: Chinese, then English. */
    String body(Notification notification) {
        if (notification.caseId() == null) {
            return messages.getMessage("notify.mail.bodyWithoutCase", new Object[] {kindName(notification.kind(), notification.workingDaysLeft(), CHINESE)}, CHINESE)
                    + "\n\n----------------------------------------\n\n"
                    + messages.getMessage("notify.mail.bodyWithoutCase", new Object[] {kindName(notification.kind(), notification.workingDaysLeft(), Locale.ENGLISH)},
                            Locale.ENGLISH);
        }
        RectificationCase about = cases.load(notification.caseId());
        return body(notification, about, CHINESE) + "\n\n----------------------------------------\n\n"
                + body(notification, about, Locale.ENGLISH);
    }

    private String body(Notification notification, RectificationCase about, Locale locale) {
        LocalDate deadline = about.deadline();
        String due = deadline == null ? messages.getMessage("notify.mail.noDeadline", null, locale) : deadline.toString();
        return messages.getMessage("notify.mail.body", new Object[] {kindName(notification.kind(), notification.workingDaysLeft(), locale),
                about.caseNumber(), about.title(), due}, locale);
    }
}

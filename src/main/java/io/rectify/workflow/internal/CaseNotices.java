package io.rectify.workflow.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import io.rectify.casefile.CaseService;
import io.rectify.casefile.RectificationCase;
import io.rectify.directory.Directory;
import io.rectify.notification.Notifications;
import io.rectify.process.CaseTasks;
import org.springframework.stereotype.Component;

/**
 * The notifications of a case's decisions, written in the transaction that makes each: who is told
 * of what. The respondent of an order, of its deadlines and of the decision on its extension; the
 * office that opened the case of the review's decision and the sanctions recorded (a notice that
 * names no person, and never to the department); both of the deadline passing and of the closing.
 * Each key names its decision once, so a retried step writes nothing twice.
 */
@Component
public class CaseNotices {

    public static final String ORDER_ISSUED = "ORDER_ISSUED";
    public static final String OVERDUE = "OVERDUE";
    public static final String REVIEW_DECIDED = "REVIEW_DECIDED";
    public static final String SANCTION_RECORDED = "SANCTION_RECORDED";
    public static final String CLOSED = "CLOSED";
    public static final String EXTENSION_DECIDED = "EXTENSION_DECIDED";

    private final Notifications notifications;
    private final CaseService cases;

    public CaseNotices(Notifications notifications, CaseService cases) {
        this.notifications = notifications;
        this.cases = cases;
    }

    /** After a user task's step, in its transaction: the notice it calls for, if any. */
    public void afterTask(String taskKey, String taskId, String caseId) {
        switch (taskKey) {
            case CaseTasks.ISSUE_ORDER -> {
                RectificationCase order = cases.load(caseId);
                notifications.send(caseId, ORDER_ISSUED, respondent(order), ORDER_ISSUED + ":" + caseId);
            }
            case CaseTasks.DECIDE_EXTENSION -> notifications.send(caseId, EXTENSION_DECIDED, respondent(cases.load(caseId)),
                    EXTENSION_DECIDED + ":" + caseId + ":" + taskId);
            case CaseTasks.REVIEW_ESCALATION -> notifications.send(caseId, REVIEW_DECIDED, office(cases.load(caseId)),
                    REVIEW_DECIDED + ":" + caseId);
            case CaseTasks.RECORD_SANCTIONS -> notifications.send(caseId, SANCTION_RECORDED, office(cases.load(caseId)),
                    SANCTION_RECORDED + ":" + caseId);
            default -> {
                // the other steps are told by the next one's notice (a report by its verification)
            }
        }
    }

    /** The deadline passed: the respondent and the office. */
    public void overdue(String caseId) {
        RectificationCase overdue = cases.load(caseId);
        notifications.send(caseId, OVERDUE, both(overdue), OVERDUE + ":" + caseId + ":" + overdue.deadline());
    }

    /** The case closed: the respondent and the office. */
    public void closed(String caseId) {
        notifications.send(caseId, CLOSED, both(cases.load(caseId)), CLOSED + ":" + caseId);
    }

    private static String respondent(RectificationCase about) {
        return Directory.groupOf(about.respondentOrgCode());
    }

    private static String office(RectificationCase about) {
        return Directory.groupOf(about.openedByOrgCode());
    }

    private static String both(RectificationCase about) {
        Set<String> groups = new LinkedHashSet<>();
        groups.add(respondent(about));
        groups.add(office(about));
        return String.join(",", groups);
    }
}

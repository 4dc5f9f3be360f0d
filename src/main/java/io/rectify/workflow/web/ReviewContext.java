package io.rectify.workflow.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.CaseAccess;
import io.rectify.casefile.CaseRecord;
import io.rectify.casefile.CaseRecordKind;
import io.rectify.casefile.CaseService;
import io.rectify.casefile.RectificationCase;
import io.rectify.category.Categories;
import io.rectify.directory.Actor;
import io.rectify.directory.Directory;
import io.rectify.process.CaseTasks;
import io.rectify.workflow.Tasks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Reviewing an escalation: why the case came to the supervision body (the rule that escalated it
 * and every other ground the case records: the office's serious flag with its reason, a repeat,
 * rejected reports, a missed deadline), the respondent and the category, and the case's life in a
 * few dated lines. What an earlier review found names officials: shown only to whoever may read
 * the sanctions ({@link CaseAccess#canSeeReviewFindings}), as on the case page.
 */
@Component
class ReviewContext implements TaskPageContext {

    private final CaseService cases;
    private final CaseAccess access;
    private final Categories categories;
    private final Directory directory;
    private final MessageSource messages;
    private final ObjectMapper json;

    ReviewContext(CaseService cases, CaseAccess access, Categories categories, Directory directory,
                  MessageSource messages, ObjectMapper json) {
        this.cases = cases;
        this.access = access;
        this.categories = categories;
        this.directory = directory;
        this.messages = messages;
        this.json = json;
    }

    @Override
    public String taskKey() {
        return CaseTasks.REVIEW_ESCALATION;
    }

    @Override
    public void addTo(Model model, Actor actor, Tasks.TaskDetail task, Locale locale) {
        RectificationCase c = cases.visible(actor, task.caseId());
        boolean english = "en".equals(locale.getLanguage());
        model.addAttribute("reviewRespondent", directory.findOrganization(c.respondentOrgCode())
                .map(o -> english ? o.nameEn() : o.nameZh()).orElse(c.respondentOrgCode()));
        model.addAttribute("reviewCategory", categories.find(c.categoryCode())
                .map(k -> k.code() + " " + (english ? k.nameEn() : k.nameZh())).orElse(c.categoryCode()));
        model.addAttribute("reviewGrounds", grounds(c, locale));
        model.addAttribute("reviewTimeline", timeline(c, access.canSeeReviewFindings(actor, c), locale));
    }

    /** The rule that escalated the case first, then each other ground the case records. */
    private List<String> grounds(RectificationCase c, Locale locale) {
        List<String> grounds = new ArrayList<>();
        if (c.escalationReason() != null && !("FLAGGED".equals(c.escalationReason()) && c.flaggedSerious())) {
            grounds.add(text("review.reason." + c.escalationReason(), locale));
        }
        if (c.flaggedSerious()) {
            grounds.add(text("taskContext.review.flagged", locale, c.seriousReason()));
        }
        if (c.repeatViolation() && !"REPEAT".equals(c.escalationReason())) {
            grounds.add(text("review.reason.REPEAT", locale));
        }
        if (c.rejectionCount() > 0 && !"REJECTED_TWICE".equals(c.escalationReason())) {
            grounds.add(text("taskContext.review.rejections", locale, c.rejectionCount()));
        }
        if (c.overdueMarked() && !"OVERDUE".equals(c.escalationReason())) {
            grounds.add(text("review.reason.OVERDUE", locale));
        }
        return grounds;
    }

    /** One dated line per step of the case's file (reminders left out: they decide nothing). */
    private List<TimelineLine> timeline(RectificationCase c, boolean findings, Locale locale) {
        List<TimelineLine> lines = new ArrayList<>();
        for (CaseRecord r : cases.records(c.id())) {
            if (r.kind() == CaseRecordKind.REMINDER) {
                continue;
            }
            Map<String, Object> data = data(r);
            String detail = switch (r.kind()) {
                case ORDER -> text("taskContext.review.deadline", locale, data.get("deadline"));
                case VERIFICATION -> Boolean.TRUE.equals(data.get("accepted"))
                        ? text("taskContext.review.accepted", locale)
                        : text("taskContext.review.rejected", locale, r.summary());
                case EXTENSION_REQUEST -> text("taskContext.workingDays", locale, data.get("days"));
                case EXTENSION_DECISION -> text(Boolean.TRUE.equals(data.get("granted"))
                        ? "taskContext.review.granted" : "taskContext.review.refused", locale);
                case ESCALATION -> text("review.reason." + r.summary(), locale);
                case REVIEW -> findings ? text("taskContext.review.decision." + data.get("decision"), locale) : null;
                default -> null;
            };
            lines.add(new TimelineLine(LocalDate.ofInstant(r.occurredAt(), WorkingDayCalendar.ZONE),
                    text("taskContext.review.step." + r.kind().name(), locale), detail));
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(CaseRecord r) {
        if (r.dataJson() == null) {
            return Map.of();
        }
        try {
            return json.readValue(r.dataJson(), Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read case record " + r.id(), e);
        }
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }

    /** A step of the case: its day, what it was, and what it decided (null when nothing to add). */
    record TimelineLine(LocalDate day, String step, String detail) {
    }
}

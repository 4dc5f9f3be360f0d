package io.rectify.workflow.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.rectify.casefile.CaseService;
import io.rectify.casefile.CaseStatus;
import io.rectify.casefile.RectificationCase;
import io.rectify.directory.Directory;
import io.rectify.notification.Notifications;
import io.rectify.workflow.StepNames;
import io.rectify.workflow.internal.WorkItems;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a person is told after completing a task on its page: what they did, who now has the case
 * (the step and the body, or that it is closed), the deadline of an open order, and who was told —
 * the recipients of the messages the step wrote, or else the bodies that now have a task. The same
 * for every task key.
 */
@Component
class NextStep {

    /** The flash message key: the whole sentence is its argument. */
    static final String FLASH = "flash.next";

    private static final String GROUP_PREFIX = Directory.groupOf("");

    private final CaseService cases;
    private final WorkItems workItems;
    private final Notifications notifications;
    private final Directory directory;
    private final StepNames stepNames;
    private final MessageSource messages;

    NextStep(CaseService cases, WorkItems workItems, Notifications notifications, Directory directory,
             StepNames stepNames, MessageSource messages) {
        this.cases = cases;
        this.workItems = workItems;
        this.notifications = notifications;
        this.directory = directory;
        this.stepNames = stepNames;
        this.messages = messages;
    }

    /** Taken before the task is completed: the messages written after it are the step's. */
    long mark(String caseId) {
        return notifications.lastIdOf(caseId);
    }

    /** The sentence shown after {@code done} was completed on the case. */
    String after(String done, String caseId, long mark, Locale locale) {
        RectificationCase c = cases.load(caseId);
        StringBuilder text = new StringBuilder(text("flash.next.done", locale, done));
        // the bodies holding each open step, steps in the order they began
        Map<String, Set<String>> holders = new LinkedHashMap<>();
        Set<String> holderBodies = new LinkedHashSet<>();
        for (WorkItems.Holder h : workItems.holdersOf(caseId)) {
            String body = bodyName(h.group(), locale);
            holders.computeIfAbsent(stepNames.of(h.taskKey(), h.name(), locale), step -> new LinkedHashSet<>()).add(body);
            holderBodies.add(body);
        }
        if (c.status() == CaseStatus.CLOSED) {
            text.append(text("flash.next.closed", locale));
        } else if (holders.isEmpty()) {
            text.append(text("flash.next.nobody", locale));
        } else {
            List<String> steps = new ArrayList<>();
            holders.forEach((step, bodies) -> steps.add(text("flash.next.holder", locale, step, join(bodies, locale))));
            text.append(text("flash.next.holders", locale, join(steps, locale)));
        }
        if (c.status() == CaseStatus.ORDERED && c.deadline() != null) {
            text.append(text("flash.next.deadline", locale, c.deadline().toString()));
        }
        List<String> told = notifications.recipientsAfter(caseId, mark).stream().map(g -> bodyName(g, locale)).toList();
        if (!told.isEmpty()) {
            text.append(text("flash.next.told", locale, join(told, locale)));
        } else if (!holderBodies.isEmpty()) {
            text.append(text("flash.next.toldInbox", locale, join(holderBodies, locale)));
        }
        return text.toString();
    }

    /** A candidate group or recipient ({@code org:<code>}) as the body's name in the reader's language. */
    private String bodyName(String group, Locale locale) {
        String code = group.startsWith(GROUP_PREFIX) ? group.substring(GROUP_PREFIX.length()) : group;
        return directory.findOrganization(code)
                .map(org -> "en".equals(locale.getLanguage()) ? org.nameEn() : org.nameZh())
                .orElse(code);
    }

    private String join(Iterable<String> parts, Locale locale) {
        return String.join(text("flash.next.separator", locale), parts);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}

package io.rectify.casefile.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;

/**
 * An audit entry's detail in the reader's words for the case page's timeline. The audit record
 * keeps a plain machine text (codes, "10 working days, deadline 2026-10-09", file checksums) that
 * must never change once written; this reads the shapes the case service writes and says them in
 * the page's language. A detail of another shape is left out of the timeline rather than shown
 * raw: the audit administrator's page has it whole. A checksum goes apart, for the folded part.
 */
final class TimelineWords {

    private static final Pattern ORDER = Pattern.compile("(\\d+) working days, deadline (\\S+)");
    private static final Pattern DEADLINE = Pattern.compile("deadline (\\S+)");
    private static final Pattern REMINDER = Pattern.compile("(\\d+) working days left, deadline (\\S+)");
    private static final Pattern NEW_DEADLINE = Pattern.compile("new deadline (\\S+)");
    private static final Pattern EXTENSION = Pattern.compile("(\\d+) working days: (.*)", Pattern.DOTALL);
    private static final Pattern REJECTED = Pattern.compile("rejection (\\d+): (.*), new deadline (\\S+)", Pattern.DOTALL);
    private static final Pattern FILE = Pattern.compile("(.*) ([0-9a-f]{64})", Pattern.DOTALL);

    private final MessageSource messages;
    private final Locale locale;

    TimelineWords(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** @param text the detail in words, null for none; @param hash a checksum the entry names, null for none */
    record Words(String text, String hash) {
        static final Words NONE = new Words(null, null);
    }

    Words of(String action, String detail) {
        if (detail == null || detail.isBlank()) {
            return Words.NONE;
        }
        return switch (action) {
            case "ORDER_ISSUED" -> words(ORDER.matcher(detail), "timeline.detail.order", true);
            case "ORDER_OVERDUE" -> words(DEADLINE.matcher(detail), "timeline.detail.deadline", false);
            // a reminder of the releases that reminded once wrote the deadline alone
            case "REMINDER_SENT" -> detail.startsWith("deadline ")
                    ? words(DEADLINE.matcher(detail), "timeline.detail.deadline", false)
                    : words(REMINDER.matcher(detail), "timeline.detail.reminder", true);
            case "EXTENSION_GRANTED" -> words(NEW_DEADLINE.matcher(detail), "timeline.detail.newDeadline", false);
            case "EXTENSION_REQUESTED" -> words(EXTENSION.matcher(detail), "timeline.detail.extension", true);
            case "RESPONSE_REJECTED" -> words(REJECTED.matcher(detail), "timeline.detail.rejected", true);
            // what a person wrote, in their own words
            case "RESPONSE_ACCEPTED", "EXTENSION_REFUSED" -> new Words(detail, null);
            case "CASE_ESCALATED" -> coded("review.reason." + detail);
            case "CASE_CLOSED" -> coded("outcome." + detail);
            case "REVIEW_DECIDED" -> coded("review." + detail);
            case "ATTACHMENT_ADDED", "ATTACHMENT_READ" -> {
                Matcher file = FILE.matcher(detail);
                yield file.matches() ? new Words(file.group(1), file.group(2)) : new Words(detail, null);
            }
            default -> Words.NONE;
        };
    }

    private Words words(Matcher matcher, String key, boolean firstIsNumber) {
        if (!matcher.matches()) {
            return Words.NONE;
        }
        Object[] args = new Object[matcher.groupCount()];
        for (int i = 0; i < args.length; i++) {
            args[i] = matcher.group(i + 1);
        }
        if (firstIsNumber) {
            args[0] = Integer.valueOf((String) args[0]); // a number for the plural of the English text
        }
        return new Words(messages.getMessage(key, args, locale), null);
    }

    private Words coded(String key) {
        String text = messages.getMessage(key, null, null, locale);
        return new Words(text, null);
    }
}

package io.rectify.workflow.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.Attachment;
import io.rectify.casefile.CaseRounds;
import io.rectify.directory.Directory;
import io.rectify.form.FormCatalog;
import io.rectify.form.FormDefinition;
import io.rectify.form.FormField;
import org.springframework.stereotype.Component;

/**
 * A case's rounds as the verify and respond pages show them: the report's fields labelled by the
 * category's form, its web addresses as links, the round's evidence as download links, the
 * rejection that ended it.
 */
@Component
class RoundViews {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /**
     * A web address in a report: http or https only, so that no {@code javascript:} or
     * {@code data:} address becomes a link; it ends at a space, at a character outside plain ASCII
     * (a Chinese comma or full stop after it) or at a quote or angle bracket.
     */
    private static final Pattern URL = Pattern.compile("(?i)https?://[A-Za-z0-9\\-._~:/?#\\[\\]@!$&*+,;=%()]+");
    /** Punctuation that ends a sentence rather than the address it follows. */
    private static final String TRAILING = ".,;:!?)]";

    private final FormCatalog forms;
    private final Directory directory;

    RoundViews(FormCatalog forms, Directory directory) {
        this.forms = forms;
        this.directory = directory;
    }

    List<RoundView> of(List<CaseRounds.Round> rounds, String caseId, String categoryCode, Locale locale) {
        FormDefinition respondForm = forms.find("respond-" + categoryCode).orElse(null);
        return rounds.stream().map(r -> view(r, caseId, respondForm, locale)).toList();
    }

    private RoundView view(CaseRounds.Round r, String caseId, FormDefinition respondForm, Locale locale) {
        ReportView report = null;
        if (r.report() != null) {
            List<FieldView> fields = new ArrayList<>();
            r.report().values().forEach((key, value) -> {
                if (!"report".equals(key) && value != null && !"".equals(value)) {
                    FormField field = respondForm == null ? null : respondForm.field(key).orElse(null);
                    String label = field == null ? key : field.label(locale);
                    String shown = field == null ? plain(value)
                            : field.option(String.valueOf(value)).map(o -> o.label(locale)).orElse(plain(value));
                    fields.add(new FieldView(label, segments(shown)));
                }
            });
            report = new ReportView(when(r.report().at()), bodyName(r.report().actorOrg(), locale),
                    segments(r.report().text()), fields);
        }
        CaseRounds.Rejection rejection = r.rejection();
        return new RoundView(r.number(), r.deadline() == null ? null : r.deadline().toString(), r.periodWorkingDays(),
                report, r.evidence().stream().map(a -> file(caseId, a)).toList(),
                rejection == null ? null : new RejectionView(when(rejection.at()), bodyName(rejection.actorOrg(), locale),
                        rejection.comment(), rejection.newDeadline() == null ? null : rejection.newDeadline().toString()));
    }

    /** A value of a report's field as text: a list (of lines, or of a list's items) one item a line. */
    private static String plain(Object value) {
        if (value instanceof Collection<?> items) {
            return items.stream().map(RoundViews::plain).collect(Collectors.joining("\n"));
        }
        if (value instanceof Map<?, ?> item) {
            return item.values().stream().filter(v -> v != null && !"".equals(v)).map(RoundViews::plain)
                    .collect(Collectors.joining(" "));
        }
        return String.valueOf(value);
    }

    /** Text cut into plain parts and web addresses; the page escapes both and links only the addresses. */
    static List<Segment> segments(String text) {
        List<Segment> segments = new ArrayList<>();
        if (text == null) {
            return segments;
        }
        Matcher m = URL.matcher(text);
        int at = 0;
        while (m.find()) {
            String url = m.group();
            int end = m.end();
            while (!url.isEmpty() && TRAILING.indexOf(url.charAt(url.length() - 1)) >= 0) {
                url = url.substring(0, url.length() - 1);
                end--;
            }
            if (url.length() <= "https://".length()) {
                continue;
            }
            if (m.start() > at) {
                segments.add(new Segment(text.substring(at, m.start()), null));
            }
            segments.add(new Segment(url, url));
            at = end;
        }
        if (at < text.length()) {
            segments.add(new Segment(text.substring(at), null));
        }
        return segments;
    }

    private static FileLink file(String caseId, Attachment a) {
        return new FileLink(a.name(), "/api/cases/" + caseId + "/attachments/" + a.id(), a.sizeBytes());
    }

    private String bodyName(String orgCode, Locale locale) {
        if (orgCode == null) {
            return "";
        }
        return directory.findOrganization(orgCode)
                .map(org -> "en".equals(locale.getLanguage()) ? org.nameEn() : org.nameZh())
                .orElse(orgCode);
    }

    private static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(WorkingDayCalendar.ZONE));
    }

    /** One round: its number, deadline and period, the report, the evidence and the rejection (each may be absent). */
    record RoundView(int number, String deadline, Integer period, ReportView report, List<FileLink> evidence,
                     RejectionView rejection) {
    }

    record ReportView(String when, String body, List<Segment> text, List<FieldView> fields) {
    }

    record FieldView(String label, List<Segment> value) {
    }

    /** A piece of text, with the address it links to when it is a web address (else null). */
    record Segment(String text, String href) {
    }

    record FileLink(String name, String href, long size) {
    }

    record RejectionView(String when, String body, String comment, String newDeadline) {
    }
}

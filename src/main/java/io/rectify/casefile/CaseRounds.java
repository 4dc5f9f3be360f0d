package io.rectify.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectify.directory.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's rounds of rectification, read from its file: each order (the first, or the new one a
 * rejection gives) with the report that answered it, the files handed in during it and the
 * verdict on it. For those who may see the case, as its file and attachments are.
 */
@Service
@Transactional(readOnly = true)
public class CaseRounds {

    private final CaseService cases;
    private final AttachmentService attachments;
    private final ObjectMapper json;

    CaseRounds(CaseService cases, AttachmentService attachments, ObjectMapper json) {
        this.cases = cases;
        this.attachments = attachments;
        this.json = json;
    }

    /** The rounds in order, the first first; empty before the first order. 404 unless the actor may see the case. */
    public List<Round> of(Actor actor, String caseId) {
        RectificationCase c = cases.visible(actor, caseId);
        List<Attachment> files = attachments.of(actor, caseId);
        List<Builder> rounds = new ArrayList<>();
        for (CaseRecord r : cases.records(caseId)) {
            Map<String, Object> data = data(r.dataJson());
            Builder current = rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
            switch (r.kind()) {
                case ORDER -> rounds.add(new Builder(1, r.occurredAt(), date(data.get("deadline")),
                        number(data.get("periodWorkingDays"))));
                case RESPONSE -> {
                    if (current != null) {
                        current.report = new Report(r.occurredAt(), r.actor(), r.actorOrg(), r.summary(), data);
                    }
                }
                case VERIFICATION -> {
                    if (current == null) {
                        continue;
                    }
                    current.ended = r.occurredAt();
                    if (!Boolean.TRUE.equals(data.get("accepted"))) {
                        LocalDate next = date(data.get("deadline"));
                        current.rejection = new Rejection(r.occurredAt(), r.actor(), r.actorOrg(), r.summary(), next);
                        rounds.add(new Builder(current.number + 1, r.occurredAt(), next,
                                number(data.get("periodWorkingDays"))));
                    }
                }
                default -> { }
            }
        }
        List<Round> result = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            Builder b = rounds.get(i);
            boolean last = i == rounds.size() - 1;
            // the open round's deadline is the case's: an extension granted in it moved it
            LocalDate deadline = last && b.ended == null ? c.deadline() : b.deadline;
            List<Attachment> evidence = files.stream()
                    .filter(a -> a.uploadedAt().isAfter(b.started) && (b.ended == null || !a.uploadedAt().isAfter(b.ended)))
                    .toList();
            result.add(new Round(b.number, deadline, b.periodWorkingDays, b.report, b.rejection, evidence));
        }
        return result;
    }

    private Map<String, Object> data(String dataJson) {
        if (dataJson == null) {
            return Map.of();
        }
        try {
            Object value = json.readValue(dataJson, Object.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> map = value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            return map;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a case record", e);
        }
    }

    private static LocalDate date(Object value) {
        return value instanceof String text && !text.isBlank() ? LocalDate.parse(text) : null;
    }

    private static Integer number(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    /**
     * One round: its number (1 for the first order), its deadline, its period when the file says
     * it, the report that answered it, the rejection that ended it, and the files handed in during it.
     */
    public record Round(int number, LocalDate deadline, Integer periodWorkingDays, Report report, Rejection rejection,
                        List<Attachment> evidence) {
    }

    /** The respondent's report as submitted: its text and the values of its category's form. */
    public record Report(Instant at, String actor, String actorOrg, String text, Map<String, Object> values) {
    }

    /** The office's rejection: its comment and the new deadline it gave (absent in files written before it was kept). */
    public record Rejection(Instant at, String actor, String actorOrg, String comment, LocalDate newDeadline) {
    }

    private static final class Builder {
        final int number;
        final Instant started;
        final LocalDate deadline;
        final Integer periodWorkingDays;
        Report report;
        Rejection rejection;
        Instant ended;

        Builder(int number, Instant started, LocalDate deadline, Integer periodWorkingDays) {
            this.number = number;
            this.started = started;
            this.deadline = deadline;
            this.periodWorkingDays = periodWorkingDays;
        }
    }
}

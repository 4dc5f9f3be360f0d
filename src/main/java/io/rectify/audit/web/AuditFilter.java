package io.rectify.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.rectify.audit.AuditQuery;
import org.apache.commons.lang3.StringUtils;

/**
 * The filter of the API and the page, as typed: {@code from} and {@code to} are a date
 * (2026-09-18, a day in China's time, {@code to} inclusive) or an instant with its offset.
 * Whatever cannot be read is a field error, not a guess.
 */
record AuditFilter(String actor, String action, String caseId, String from, String to, String after, String size) {

    static final int DEFAULT_SIZE = 50;
    /** the days of the record are the days of the cases: China's */
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** field name → message key of what is wrong (empty when all is well) */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (instant(from, false) == Bad.VALUE) {
            problems.put("from", "audit.filter.time");
        }
        if (instant(to, true) == Bad.VALUE) {
            problems.put("to", "audit.filter.time");
        }
        Long pageSize = number(size);
        if (pageSize != null && (pageSize < 1 || pageSize > AuditQuery.MAX_SIZE)) {
            problems.put("size", "audit.filter.size");
        }
        Long afterSequence = number(after);
        if (afterSequence != null && afterSequence < 1) {
            problems.put("after", "audit.filter.after");
        }
        return problems;
    }

    AuditQuery query() {
        return new AuditQuery(StringUtils.trimToNull(actor), StringUtils.trimToNull(action), StringUtils.trimToNull(caseId),
                (Instant) instant(from, false), (Instant) instant(to, true), number(after), number(size) == null ? DEFAULT_SIZE : number(size).intValue());
    }

    private enum Bad { VALUE }

    /** a whole number, null when absent, and 0 (outside every range) when not a number */
    private static Long number(String text) {
        String value = StringUtils.trimToNull(text);
        if (value == null) {
            return null;
        }
        return value.matches("\\d{1,18}") ? Long.valueOf(value) : 0L;
    }

    private static Object instant(String text, boolean endOfDay) {
        String value = StringUtils.trimToNull(text);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZONE).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return Bad.VALUE;
        }
    }
}

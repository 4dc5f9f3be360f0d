package io.rectify.inspection.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.rectify.kernel.FieldProblem;

/** Reading the loosely typed fields of a request, each bad one named. */
final class Fields {

    private Fields() {
    }

    static LocalDate date(Object value, String field, List<FieldProblem> problems) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString().strip());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "inspection.field.date", field + " 须为 YYYY-MM-DD 格式的日期", field));
            return null;
        }
    }

    static BigDecimal number(Object value, String field, List<FieldProblem> problems) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of(field, "inspection.field.number", field + " 须为数字", field));
            return null;
        }
    }

    static Long whole(Object value, String field, List<FieldProblem> problems) {
        BigDecimal number = number(value, field, problems);
        if (number == null) {
            return null;
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            problems.add(FieldProblem.of(field, "inspection.field.whole", field + " 须为整数", field));
            return null;
        }
    }
}

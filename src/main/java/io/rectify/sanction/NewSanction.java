package io.rectify.sanction;

import java.time.LocalDate;

/** One line of the recordSanctions form. */
public record NewSanction(String personName, String post, String orgCode, Responsibility responsibility,
                          SanctionType type, String decisionNumber, LocalDate decisionDate) {
}

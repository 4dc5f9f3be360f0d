package io.rectify.inspection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A spot-check campaign: a period, a jurisdiction, a sampling ratio and its seed, the checklist it started with. */
public record Campaign(long id, String name, LocalDate periodFrom, LocalDate periodTo, String regionCode,
                       String officeCode, BigDecimal samplingRatio, long seed, long checklistId, Status status,
                       int population, String createdBy, Instant createdAt, Instant closedAt) {

    public enum Status {
        OPEN, CLOSED
    }

    public boolean open() {
        return status == Status.OPEN;
    }
}

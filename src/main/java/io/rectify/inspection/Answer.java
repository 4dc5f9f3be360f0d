package io.rectify.inspection;

import java.math.BigDecimal;

/**
 * What was entered for one checklist item: passed or failed (null while not yet judged), the
 * points deducted (for a bonus item: earned), the evidence as text and/or a reference to an
 * attachment, and whether the monitoring's latest result filled it in.
 */
public record Answer(String itemCode, Result result, BigDecimal points, String evidence, String attachment,
                     boolean prefilled) {

    public enum Result {
        PASS, FAIL
    }

    public boolean failed() {
        return result == Result.FAIL;
    }

    public boolean hasEvidence() {
        return (evidence != null && !evidence.isBlank()) || (attachment != null && !attachment.isBlank());
    }
}

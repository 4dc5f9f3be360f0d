package io.rectify.inspection;

/** The three parts of the 2019 indicators: single-veto items, the 100 points of deductions, the 30 bonus points. */
public enum ChecklistPart {
    VETO, DEDUCTION, BONUS
}

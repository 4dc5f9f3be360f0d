package io.rectify.category;

/** The default rectification period of a category, in working days (a decision table). */
public interface DeadlinePolicy {

    int defaultPeriodWorkingDays(String categoryCode);
}

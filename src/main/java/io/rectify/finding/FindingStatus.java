package io.rectify.finding;

/** A finding waits for a supervisor ({@code OPEN}), became or joined a case ({@code CONFIRMED}), or was dismissed (核减). */
public enum FindingStatus {
    OPEN, CONFIRMED, DISMISSED
}

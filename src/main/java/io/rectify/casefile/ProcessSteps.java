package io.rectify.casefile;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** What the process engine did on a case, step by step, as the workflow module knows it. */
public interface ProcessSteps {

    /** The steps of every process of the case (rectification, supervision review), oldest first. */
    List<Step> of(String caseId);

    /**
     * A step's name in the reader's language, as the model names it; {@code recordedName} (the name
     * the engine recorded) for a step of a model this release no longer has.
     */
    String name(String activityId, String recordedName, Locale locale);

    /**
     * One step of a process.
     *
     * @param activityId the BPMN element id, e.g. {@code respond} or {@code Timer_Deadline}
     * @param type       the engine's activity type, e.g. {@code userTask}, {@code boundaryTimer}
     * @param name       the element's name in the model (Chinese)
     * @param ended      null while the step is still running
     */
    record Step(String activityId, String type, String name, Instant started, Instant ended) {
    }
}

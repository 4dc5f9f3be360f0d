package io.rectify.casefile.web;

import java.util.ArrayList;
import java.util.List;

import io.rectify.casefile.CaseStatus;
import io.rectify.casefile.ReviewStatus;

/**
 * Where a case stands, as the case page's step bar shows it: 立案 → 责令整改 → 整改 → 核查 → 办结,
 * computed from the case's status alone, and the supervision review beside it when the case was
 * escalated. The current step is the one that waits for someone: an opened case waits for its
 * order, an ordered one for the report, a reported one for verification; a closed case stands at
 * 办结.
 */
record CaseProgress(List<Step> steps, Step review) {

    /** The steps of rectification in order; their labels are {@code progress.step.<key>}. */
    static final List<String> KEYS = List.of("opened", "ordered", "rectifying", "verifying", "closed");

    static CaseProgress of(CaseStatus status, boolean escalated, ReviewStatus review) {
        int current = switch (status) {
            case DETECTED -> 1;
            case ORDERED -> 2;
            case RESPONDED -> 3;
            case CLOSED -> 4;
        };
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < KEYS.size(); i++) {
            boolean done = i < current || status == CaseStatus.CLOSED;
            steps.add(new Step(KEYS.get(i), i == current ? State.CURRENT : done ? State.DONE : State.TODO));
        }
        Step beside = !escalated ? null : new Step("review", switch (review) {
            case PENDING -> State.CURRENT;
            case DECIDED -> State.DONE;
            case NONE -> State.TODO;
        });
        return new CaseProgress(List.copyOf(steps), beside);
    }

    /** The step the case is at: the one the page marks with {@code aria-current="step"}. */
    Step current() {
        return steps.stream().filter(Step::current).findFirst().orElseThrow();
    }

    enum State { DONE, CURRENT, TODO }

    record Step(String key, State state) {

        public boolean current() {
            return state == State.CURRENT;
        }

        public boolean done() {
            return state == State.DONE;
        }

        /** The CSS class: done, current or todo. */
        public String css() {
            return state.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

package io.rectify.kernel;

/** The action does not fit the current state, e.g. a task already completed (409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String reason) {
        super(reason);
    }
}

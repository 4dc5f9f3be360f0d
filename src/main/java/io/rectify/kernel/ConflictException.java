package io.rectify.kernel;

/** The action does not fit the current state, e.g. a task already completed (409). */
public class ConflictException extends RuntimeException {

    private final String code;

    public ConflictException(String reason) {
        this(reason, null);
    }

    /** A rule the person can read and act on, with the message key that says it in their language. */
    public ConflictException(String reason, String code) {
        super(reason);
        this.code = code;
    }

    /** The message key of the rule, or null for a plain conflict of state (someone else was quicker). */
    public String code() {
        return code;
    }
}

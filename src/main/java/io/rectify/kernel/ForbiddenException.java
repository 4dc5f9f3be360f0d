package io.rectify.kernel;

/** The caller may see the thing but not do this to it (403). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String reason) {
        super(reason);
    }
}

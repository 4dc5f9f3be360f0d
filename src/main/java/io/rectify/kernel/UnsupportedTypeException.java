package io.rectify.kernel;

/** An upload whose content is not of an allowed type (415). */
public class UnsupportedTypeException extends RuntimeException {

    public UnsupportedTypeException(String reason) {
        super(reason);
    }
}

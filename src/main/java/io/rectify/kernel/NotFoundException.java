package io.rectify.kernel;

/** Unknown, or not visible to the caller: the two look the same from outside (404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what);
    }
}

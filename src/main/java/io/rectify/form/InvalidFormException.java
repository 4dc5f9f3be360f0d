package io.rectify.form;

/** A form schema the application refuses to start with; the message names the file and the component. */
public class InvalidFormException extends IllegalStateException {

    public InvalidFormException(String message) {
        super(message);
    }

    public InvalidFormException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.rectify.monitoring.internal.http;

import java.net.UnknownHostException;

/** A name resolved to an address the monitoring may not contact: no connection was attempted. */
public class RefusedAddressException extends UnknownHostException {

    public RefusedAddressException(String message) {
        super(message);
    }
}

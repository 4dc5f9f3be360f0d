package io.rectify.monitoring.internal.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name lookup of the monitoring's client: the system's, or in tests a table of names. */
@FunctionalInterface
public interface HostResolver {

    InetAddress[] resolve(String host) throws UnknownHostException;

    HostResolver SYSTEM = InetAddress::getAllByName;
}

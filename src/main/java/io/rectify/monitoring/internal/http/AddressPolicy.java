package io.rectify.monitoring.internal.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Which addresses the monitoring may connect to. Refused unless private addresses are allowed:
 * loopback, unspecified, private (10/8, 172.16/12, 192.168/16), carrier-grade NAT (100.64/10),
 * link-local (169.254/16, which holds the cloud metadata address 169.254.169.254), multicast and
 * reserved ranges, IPv6 unique-local (fc00::/7) and link-local (fe80::/10), and IPv4 addresses
 * mapped or embedded in IPv6 are judged as the IPv4 address they carry.
 */
public class AddressPolicy {

    private final boolean allowPrivate;

    public AddressPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /** Why this address may not be contacted; empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        if (allowPrivate) {
            return Optional.empty();
        }
        return reason(address).map(what -> address.getHostAddress() + " is " + what);
    }

    static Optional<String> reason(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            Inet4Address embedded = embeddedV4(b);
            if (embedded != null) {
                return reason(embedded).map(what -> "an IPv6 form of an address that " + what.replaceFirst("^an? ", "is a "));
            }
            if (v6.isLoopbackAddress() || v6.isAnyLocalAddress()) {
                return Optional.of("a loopback address");
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("a unique-local address");
            }
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
                return Optional.of("a link-local address");
            }
            if ((b[0] & 0xff) == 0xff) {
                return Optional.of("a multicast address");
            }
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 127 || a0 == 0) {
            return Optional.of("a loopback address");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of(address.getHostAddress().equals("169.254.169.254") ? "a cloud metadata address" : "a link-local address");
        }
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
            return Optional.of("a private address");
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return Optional.of("a carrier-grade NAT address");
        }
        if (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) {
            return Optional.of("a reserved address");
        }
        if (a0 == 198 && (a1 == 18 || a1 == 19)) {
            return Optional.of("a benchmarking address");
        }
        if (a0 >= 224) {
            return Optional.of("a multicast or reserved address");
        }
        return Optional.empty();
    }

    /** The IPv4 address in ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), 64:ff9b::/96 (NAT64) or 2002::/16 (6to4). */
    private static Inet4Address embeddedV4(byte[] b) {
        boolean zeros80 = true;
        for (int i = 0; i < 10; i++) {
            zeros80 &= b[i] == 0;
        }
        try {
            if (zeros80 && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0 && compatible(b)))) {
                return (Inet4Address) InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
                return (Inet4Address) InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                return (Inet4Address) InetAddress.getByAddress(new byte[] {b[2], b[3], b[4], b[5]});
            }
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
        return null;
    }

    /** ::a.b.c.d with a.b.c.d beyond 0.0.0.1 (:: and ::1 are the IPv6 unspecified and loopback addresses) */
    private static boolean compatible(byte[] b) {
        return b[12] != 0 || b[13] != 0 || b[14] != 0 || (b[15] & 0xff) > 1;
    }
}

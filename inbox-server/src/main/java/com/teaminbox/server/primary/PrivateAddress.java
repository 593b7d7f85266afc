package com.teaminbox.server.primary;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The addresses a webhook may not reach unless an admin allows private destinations: the
 * inbox's own machine and the networks behind it, where a POST could reach a service that was
 * never meant to be reachable from outside (server-side request forgery).
 */
final class PrivateAddress {

    private PrivateAddress() {
    }

    /** What kind of private address this is, as the refusal says it ("a loopback address"); empty for a public one. */
    static Optional<String> kindOf(InetAddress address) {
        byte[] b = address.getAddress();
        if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address (this machine)");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if (address instanceof Inet4Address) {
            if (b[0] == 0) {
                return Optional.of("an address of \"this network\" (0.0.0.0/8)");
            }
            if (b[0] == 100 && (b[1] & 0xc0) == 64) {
                return Optional.of("a carrier-grade NAT address (100.64.0.0/10)");
            }
            return Optional.empty();
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("a unique-local address (fc00::/7)");
        }
        // Java turns most IPv4-mapped addresses into IPv4 ones, but not every path does.
        return embeddedIpv4(b).flatMap(PrivateAddress::kindOf).map(kind -> kind + " written as IPv6");
    }

    /** The IPv4 address inside ::ffff:a.b.c.d (mapped) or ::a.b.c.d (the old "compatible" form). */
    private static Optional<InetAddress> embeddedIpv4(byte[] ipv6) {
        boolean zeros = Arrays.equals(ipv6, 0, 10, new byte[10], 0, 10);
        boolean mapped = zeros && ipv6[10] == (byte) 0xff && ipv6[11] == (byte) 0xff;
        boolean compatible = zeros && ipv6[10] == 0 && ipv6[11] == 0;
        if (!mapped && !compatible) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(ipv6, 12, 16)));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible); // four bytes are always an address
        }
    }
}

package com.teaminbox.server.primary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which addresses a webhook may not reach unless private destinations are allowed, and what the refusal calls them. */
class PrivateAddressTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1       | a loopback address
            127.255.255.254 | a loopback address
            ::1             | a loopback address
            10.0.0.1        | a private address
            10.255.255.255  | a private address
            172.16.0.1      | a private address
            172.31.255.255  | a private address
            192.168.1.20    | a private address
            100.64.0.1      | a carrier-grade NAT address (100.64.0.0/10)
            100.127.255.255 | a carrier-grade NAT address (100.64.0.0/10)
            169.254.169.254 | a link-local address
            fe80::1         | a link-local address
            febf::1         | a link-local address
            fc00::1         | a unique-local address (fc00::/7)
            fd12:3456::1    | a unique-local address (fc00::/7)
            fec0::1         | a private address
            0.0.0.0         | the unspecified address (this machine)
            ::              | the unspecified address (this machine)
            0.1.2.3         | an address of "this network" (0.0.0.0/8)
            224.0.0.1       | a multicast address
            239.255.255.250 | a multicast address
            ff02::1         | a multicast address
            """)
    void privateAndLocalAddressesAreNamed(String address, String kind) throws Exception {
        assertEquals(Optional.of(kind), PrivateAddress.kindOf(InetAddress.getByName(address)));
    }

    @ParameterizedTest(name = "{0} is public")
    @CsvSource({"8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "192.169.0.1", "100.63.255.255", "100.128.0.1",
            "169.253.255.255", "11.0.0.1", "2001:4860:4860::8888", "2a00:1450:4001::1", "fbff::1", "fe7f::1", "fe00::1"})
    void publicAddressesPass(String address) throws Exception {
        assertEquals(Optional.empty(), PrivateAddress.kindOf(InetAddress.getByName(address)));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ::ffff:127.0.0.1    | a loopback address written as IPv6
            ::ffff:10.1.2.3     | a private address written as IPv6
            ::ffff:169.254.0.1  | a link-local address written as IPv6
            ::ffff:100.64.1.1   | a carrier-grade NAT address (100.64.0.0/10) written as IPv6
            ::ffff:192.168.0.1  | a private address written as IPv6
            ::ffff:0.0.0.0      | the unspecified address (this machine) written as IPv6
            ::127.0.0.1         | a loopback address written as IPv6
            ::10.0.0.1          | a private address written as IPv6
            """)
    void ipv4InsideIpv6IsJudgedByItsIpv4Address(String written, String kind) throws Exception {
        assertEquals(Optional.of(kind), PrivateAddress.kindOf(ipv6(written)));
    }

    @ParameterizedTest(name = "{0} is public")
    @CsvSource({"::ffff:8.8.8.8", "::ffff:172.32.0.1", "::8.8.8.8"})
    void publicIpv4InsideIpv6Passes(String written) throws Exception {
        assertEquals(Optional.empty(), PrivateAddress.kindOf(ipv6(written)));
    }

    @Test
    void javaUsuallyHandsBackTheIpv4AddressOfAMappedOneWhichIsJudgedTheSame() throws Exception {
        assertEquals(Optional.of("a loopback address"), PrivateAddress.kindOf(InetAddress.getByName("::ffff:127.0.0.1")));
        assertEquals(Optional.of("a private address"), PrivateAddress.kindOf(InetAddress.getByName("[::ffff:10.0.0.1]")));
    }

    /**
     * ::ffff:a.b.c.d or ::a.b.c.d kept as an Inet6Address, as some paths (a resolver, a socket)
     * may hand it over; InetAddress.getByName would turn the mapped form into IPv4.
     */
    private static Inet6Address ipv6(String written) throws Exception {
        String ipv4 = written.substring(written.lastIndexOf(':') + 1);
        byte[] bytes = new byte[16];
        if (written.startsWith("::ffff:")) {
            bytes[10] = (byte) 0xff;
            bytes[11] = (byte) 0xff;
        }
        System.arraycopy(InetAddress.getByName(ipv4).getAddress(), 0, bytes, 12, 4);
        return Inet6Address.getByAddress(null, bytes, (NetworkInterface) null);
    }
}

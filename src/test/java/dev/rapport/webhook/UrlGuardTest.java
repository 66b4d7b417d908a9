package dev.rapport.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Proxy;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import io.vertx.mutiny.core.Vertx;

/**
 * Which addresses a webhook may call, decided on IP literals alone (no DNS): public unicast yes; every entry of the
 * IANA special-purpose registries that is not globally reachable, multicast and reserved space no, also inside
 * IPv4-mapped, -compatible, NAT64 and 6to4 IPv6. Which URLs pass: https, a host, and no ambiguous numeric host.
 */
class UrlGuardTest {

    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.closeAndAwait();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.255.255.254",
                "10.0.0.1",
                "10.255.255.255",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.0.1",
                "192.168.255.255",
                "169.254.169.254",
                "169.254.0.1",
                "100.64.0.1",
                "100.127.255.255",
                "224.0.0.1",
                "239.255.255.250",
                "0.0.0.0",
                "0.1.2.3",
                "192.0.0.8",
                "198.18.0.1",
                "198.19.255.255",
                "240.0.0.1",
                "255.255.255.255"
            })
    void nonPublicIpv4AddressesAreForbidden(String address) throws Exception {
        assertThat(SpecialAddresses.forbidden(v4(address))).as(address).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "1.1.1.1",
                "93.184.216.34",
                "9.255.255.255",
                "11.0.0.0",
                "100.63.255.255",
                "100.128.0.0",
                "172.15.255.255",
                "172.32.0.0",
                "192.167.255.255",
                "192.169.0.0",
                "169.253.255.255",
                "169.255.0.0",
                "192.0.1.1",
                "198.17.255.255",
                "198.20.0.0",
                "223.255.255.255",
                "1.0.0.0"
            })
    void publicIpv4AddressesAreAllowed(String address) throws Exception {
        assertThat(SpecialAddresses.forbidden(v4(address))).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "::1",
                "::",
                "fe80::1",
                "febf:ffff::1",
                "fc00::1",
                "fd12:3456:789a::1",
                "ff02::1",
                "ff0e::101",
                "fec0::1",
                "2001:db8::1",
                "2001:db8:ffff::ffff"
            })
    void nonPublicIpv6AddressesAreForbidden(String address) throws Exception {
        assertThat(SpecialAddresses.forbidden(v6(address))).as(address).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2606:4700:4700::1111",
                "2001:4860:4860::8888",
                "2a00:1450:4001:81b::200e",
                "2001:db9::1",
                "2001:db7::1",
                "2001:200::1",
                "3fff:1000::1"
            })
    void publicIpv6AddressesAreAllowed(String address) throws Exception {
        assertThat(SpecialAddresses.forbidden(v6(address))).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"127.0.0.1", "10.1.2.3", "169.254.169.254", "100.64.0.1", "192.168.1.1", "0.0.0.0", "224.0.0.1"})
    void anIpv4AddressInsideIpv6IsJudgedAsIpv4(String inner) throws Exception {
        assertThat(SpecialAddresses.forbidden(mapped(inner)))
                .as("::ffff:" + inner)
                .isTrue();
        assertThat(SpecialAddresses.forbidden(v6("::" + inner)))
                .as("::" + inner)
                .isTrue();
        assertThat(SpecialAddresses.forbidden(v6("64:ff9b::" + inner)))
                .as("64:ff9b::" + inner)
                .isTrue();
        assertThat(SpecialAddresses.forbidden(sixToFour(inner)))
                .as("6to4 of " + inner)
                .isTrue();
        assertThat(SpecialAddresses.forbidden(InetAddress.getByName("::ffff:" + inner)))
                .as("::ffff:%s as the JDK reads it", inner)
                .isTrue();
    }

    @Test
    void aPublicIpv4AddressInsideIpv6IsAllowed() throws Exception {
        assertThat(SpecialAddresses.forbidden(mapped("8.8.8.8"))).isFalse();
        assertThat(SpecialAddresses.forbidden(v6("::8.8.8.8"))).isFalse();
        assertThat(SpecialAddresses.forbidden(v6("64:ff9b::808:808"))).isFalse();
        assertThat(SpecialAddresses.forbidden(sixToFour("8.8.8.8"))).isFalse();
    }

    /** Only the well-known prefix carries an IPv4 address; next to it is reserved space, refused whatever it holds. */
    @Test
    void nat64IsOnlyTheWellKnownPrefixWithZerosBeforeTheIpv4Part() throws Exception {
        assertThat(SpecialAddresses.forbidden(v6("64:ff9b::7f00:1"))).isTrue();
        assertThat(SpecialAddresses.forbidden(v6("64:ff9b::808:808"))).isFalse();
        assertThat(SpecialAddresses.forbidden(v6("64:ff9a::808:808"))).isTrue();
        assertThat(SpecialAddresses.forbidden(v6("64:ff9b:0:0:0:1:808:808"))).isTrue();
    }

    /**
     * Every entry of the IANA IPv4 Special-Purpose Address Registry (as of October 2025), with an address inside
     * it: refused unless the registry's Globally Reachable column says True. 192.0.0.9 and 192.0.0.10 (anycast
     * services) are True inside the refused 192.0.0.0/24, and allowed; the terminated 192.88.99.0/24 has no value
     * (blank), so it is refused, like 192.88.99.2 (False).
     */
    @ParameterizedTest(name = "{0} {1}: {2} refused {3}")
    @CsvSource(delimiter = '|', textBlock = """
                0.0.0.0/8          | This network                               | 0.255.255.255   | true
                0.0.0.0/32         | This host on this network                  | 0.0.0.0         | true
                10.0.0.0/8         | Private-Use                                | 10.20.30.40     | true
                100.64.0.0/10      | Shared Address Space                       | 100.127.255.254 | true
                127.0.0.0/8        | Loopback                                   | 127.0.0.1       | true
                169.254.0.0/16     | Link Local                                 | 169.254.169.254 | true
                172.16.0.0/12      | Private-Use                                | 172.31.0.1      | true
                192.0.0.0/24       | IETF Protocol Assignments                  | 192.0.0.200     | true
                192.0.0.0/29       | IPv4 Service Continuity Prefix             | 192.0.0.1       | true
                192.0.0.8/32       | IPv4 dummy address                         | 192.0.0.8       | true
                192.0.0.9/32       | Port Control Protocol Anycast              | 192.0.0.9       | false
                192.0.0.10/32      | Traversal Using Relays around NAT Anycast  | 192.0.0.10      | false
                192.0.0.170/32     | NAT64/DNS64 Discovery                      | 192.0.0.170     | true
                192.0.0.171/32     | NAT64/DNS64 Discovery                      | 192.0.0.171     | true
                192.0.2.0/24       | Documentation (TEST-NET-1)                 | 192.0.2.10      | true
                192.31.196.0/24    | AS112-v4                                   | 192.31.196.1    | false
                192.52.193.0/24    | AMT                                        | 192.52.193.1    | false
                192.88.99.0/24     | Deprecated (6to4 Relay Anycast)            | 192.88.99.1     | true
                192.88.99.2/32     | 6a44-relay anycast address                 | 192.88.99.2     | true
                192.168.0.0/16     | Private-Use                                | 192.168.1.1     | true
                192.175.48.0/24    | Direct Delegation AS112 Service            | 192.175.48.6    | false
                198.18.0.0/15      | Benchmarking                               | 198.19.255.255  | true
                198.51.100.0/24    | Documentation (TEST-NET-2)                 | 198.51.100.7    | true
                203.0.113.0/24     | Documentation (TEST-NET-3)                 | 203.0.113.99    | true
                240.0.0.0/4        | Reserved                                   | 250.1.2.3       | true
                255.255.255.255/32 | Limited Broadcast                          | 255.255.255.255 | true
                224.0.0.0/4        | Multicast (not in this registry)           | 239.1.2.3       | true
                """)
    void everyIpv4SpecialPurposeEntryIsRefusedUnlessGloballyReachable(
            String prefix, String name, String example, boolean refused) throws Exception {
        InetAddress address = v4(example);
        assertThat(UrlGuard.Cidr.parse(prefix).contains(address))
                .as("%s is in %s", example, prefix)
                .isTrue();
        assertThat(SpecialAddresses.forbidden(address))
                .as("%s (%s)", example, name)
                .isEqualTo(refused);
    }

    /**
     * Every entry of the IANA IPv6 Special-Purpose Address Registry (as of October 2025), with an address inside
     * it: refused unless the registry's Globally Reachable column says True. Entries that carry an IPv4 address are
     * judged by it (IPv4-mapped is False in the registry, but a socket sends it to the IPv4 address; 64:ff9b::/96 is
     * True; 6to4 is N/A, reachable through its IPv4 address); their rows come with a private and a public one inside.
     * Teredo (N/A) is refused whole, its client address being any IPv4 address bit-inverted. The True entries inside
     * the refused 2001::/23 (anycast services, AMT, AS112, ORCHIDv2, drone tags) are allowed.
     */
    @ParameterizedTest(name = "{0} {1}: {2} refused {3}")
    @CsvSource(delimiter = '|', textBlock = """
                ::1/128           | Loopback Address                                  | ::1                         | true
                ::/128            | Unspecified Address                               | ::                          | true
                ::ffff:0:0/96     | IPv4-mapped Address (127.0.0.1 inside)            | ::ffff:7f00:1               | true
                ::ffff:0:0/96     | IPv4-mapped Address (8.8.8.8 inside)              | ::ffff:808:808              | false
                64:ff9b::/96      | IPv4-IPv6 Translat. (10.0.0.1 inside)             | 64:ff9b::a00:1              | true
                64:ff9b::/96      | IPv4-IPv6 Translat. (8.8.8.8 inside)              | 64:ff9b::808:808            | false
                64:ff9b:1::/48    | IPv4-IPv6 Translat. (local use, 127.0.0.1 inside) | 64:ff9b:1::7f00:1           | true
                64:ff9b:1::/48    | IPv4-IPv6 Translat. (local use, 8.8.8.8 inside)   | 64:ff9b:1::808:808          | true
                100::/64          | Discard-Only Address Block                        | 100::1                      | true
                100:0:0:1::/64    | Dummy IPv6 Prefix                                 | 100:0:0:1::1                | true
                2001::/23         | IETF Protocol Assignments                         | 2001:1ff::1                 | true
                2001::/32         | TEREDO (client 127.0.0.1)                         | 2001:0:4136:e378::80ff:fffe | true
                2001::/32         | TEREDO (client 192.0.2.45)                        | 2001:0:4136:e378::3fff:fdd2 | true
                2001:1::1/128     | Port Control Protocol Anycast                     | 2001:1::1                   | false
                2001:1::2/128     | Traversal Using Relays around NAT Anycast         | 2001:1::2                   | false
                2001:1::3/128     | DNS-SD Service Registration Protocol Anycast      | 2001:1::3                   | false
                2001:2::/48       | Benchmarking                                      | 2001:2::1                   | true
                2001:3::/32       | AMT                                               | 2001:3::1                   | false
                2001:4:112::/48   | AS112-v6                                          | 2001:4:112::1               | false
                2001:10::/28      | Deprecated (previously ORCHID)                    | 2001:10::1                  | true
                2001:20::/28      | ORCHIDv2                                          | 2001:20::1                  | false
                2001:30::/28      | Drone Remote ID Protocol Entity Tags (DETs)       | 2001:30::1                  | false
                2001:db8::/32     | Documentation                                     | 2001:db8::1                 | true
                2002::/16         | 6to4 (127.0.0.1 inside)                           | 2002:7f00:1::               | true
                2002::/16         | 6to4 (192.168.0.1 inside)                         | 2002:c0a8:1::1              | true
                2002::/16         | 6to4 (8.8.8.8 inside)                             | 2002:808:808::1             | false
                2620:4f:8000::/48 | Direct Delegation AS112 Service                   | 2620:4f:8000::1             | false
                3fff::/20         | Documentation                                     | 3fff:fff:ffff::1            | true
                5f00::/16         | Segment Routing (SRv6) SIDs                       | 5f00::1                     | true
                fc00::/7          | Unique-Local                                      | fd00:ec2::254               | true
                fe80::/10         | Link-Local Unicast                                | fe80::1                     | true
                ::/96             | IPv4-compatible (deprecated, 10.0.0.1 inside)     | ::a00:1                     | true
                fec0::/10         | Site-Local (deprecated)                           | fec0::1                     | true
                ff00::/8          | Multicast (not in this registry)                  | ff02::1                     | true
                """)
    void everyIpv6SpecialPurposeEntryIsRefusedUnlessGloballyReachable(
            String prefix, String name, String example, boolean refused) throws Exception {
        InetAddress address = literal(example);
        assertThat(address).as(example).isInstanceOf(Inet6Address.class);
        assertThat(UrlGuard.Cidr.parse(prefix).contains(address))
                .as("%s is in %s", example, prefix)
                .isTrue();
        assertThat(SpecialAddresses.forbidden(address))
                .as("%s (%s)", example, name)
                .isEqualTo(refused);
    }

    /** A globally reachable entry does not open its refused neighbours. */
    @ParameterizedTest
    @ValueSource(strings = {"192.0.0.11", "192.0.0.7", "2001:1::4", "2001:1::", "2001:4:113::1", "2001:40::1"})
    void nextToAReachableEntryIsTheRefusedBlockAroundIt(String address) throws Exception {
        assertThat(SpecialAddresses.forbidden(literal(address))).as(address).isTrue();
    }

    /** IANA allocates only 2000::/3 for global unicast; the rest of the IPv6 space is reserved and refused. */
    @ParameterizedTest
    @ValueSource(strings = {"::1:0:0:1", "1000::1", "4000::1", "6000::1", "8000::1", "c000::1", "fe00::1"})
    void ipv6OutsideGlobalUnicastIsRefused(String address) throws Exception {
        assertThat(SpecialAddresses.forbidden(v6(address))).as(address).isTrue();
    }

    @Test
    void anAllowedNetworkContainsItsAddressesOnly() throws Exception {
        UrlGuard.Cidr loopback = UrlGuard.Cidr.parse("127.0.0.1/32");
        assertThat(loopback.contains(v4("127.0.0.1"))).isTrue();
        assertThat(loopback.contains(v4("127.0.0.2"))).isFalse();

        UrlGuard.Cidr cgnat = UrlGuard.Cidr.parse(" 100.64.0.0/10 ");
        assertThat(cgnat.contains(v4("100.64.0.0"))).isTrue();
        assertThat(cgnat.contains(v4("100.127.255.255"))).isTrue();
        assertThat(cgnat.contains(v4("100.128.0.0"))).isFalse();
        assertThat(cgnat.contains(v4("100.63.255.255"))).isFalse();

        UrlGuard.Cidr host = UrlGuard.Cidr.parse("10.1.2.3");
        assertThat(host.prefix()).isEqualTo(32);
        assertThat(host.contains(v4("10.1.2.3"))).isTrue();
        assertThat(host.contains(v4("10.1.2.4"))).isFalse();

        UrlGuard.Cidr everything = UrlGuard.Cidr.parse("0.0.0.0/0");
        assertThat(everything.contains(v4("10.1.2.3"))).isTrue();
        assertThat(everything.contains(v6("::1"))).as("another family").isFalse();
    }

    @Test
    void anAllowedIpv6NetworkContainsItsAddressesOnly() throws Exception {
        UrlGuard.Cidr loopback = UrlGuard.Cidr.parse("::1/128");
        assertThat(loopback.contains(v6("::1"))).isTrue();
        assertThat(loopback.contains(v6("::2"))).isFalse();
        assertThat(loopback.contains(v4("127.0.0.1"))).isFalse();

        UrlGuard.Cidr uniqueLocal = UrlGuard.Cidr.parse("fd00:1234::/32");
        assertThat(uniqueLocal.contains(v6("fd00:1234:ffff::1"))).isTrue();
        assertThat(uniqueLocal.contains(v6("fd00:1235::1"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/abc", "10.0.0.0/8x", "::1/x"})
    void anAllowedNetworkThatIsNotACidrIsRefused(String text) {
        assertThatThrownBy(() -> UrlGuard.Cidr.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rapport.webhooks.allowed-networks: '" + text + "' is not a CIDR");
    }

    /** A prefix longer than the address, or negative, is no network; "/-1" must not mean "everything". */
    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/-1", "::1/129", "::1/-8"})
    void anAllowedNetworkWithAnImpossiblePrefixIsRefused(String text) {
        assertThatThrownBy(() -> UrlGuard.Cidr.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rapport.webhooks.allowed-networks: '" + text + "' is not a CIDR");
    }

    @Test
    void urlsMustBeHttpsWithAHostAndNoUserInfoOrFragment() {
        UrlGuard guard = guard(false);

        assertThat(guard.parse("https://hooks.example.com/rapport?x=1"))
                .isEqualTo(URI.create("https://hooks.example.com/rapport?x=1"));
        assertThat(guard.parse("HTTPS://hooks.example.com/")).isEqualTo(URI.create("HTTPS://hooks.example.com/"));
        assertRefused(() -> guard.parse("http://hooks.example.com/"), "must be an https URL");
        assertRefused(() -> guard.parse("ftp://hooks.example.com/"), "must be an https URL");
        assertRefused(() -> guard.parse("hooks.example.com/rapport"), "must be an https URL");
        assertRefused(
                () -> guard.parse("https://user:secret@hooks.example.com/"),
                "must have a host and no user info or fragment");
        assertRefused(
                () -> guard.parse("https://hooks.example.com/#part"), "must have a host and no user info or fragment");
        assertRefused(() -> guard.parse("https:///path"), "must have a host and no user info or fragment");
        assertRefused(() -> guard.parse("https://hooks example.com/"), "is not a valid URL");
    }

    @Test
    void httpIsAllowedOnlyWhereConfigured() {
        UrlGuard guard = guard(true);

        assertThat(guard.parse("http://hooks.example.com/")).isEqualTo(URI.create("http://hooks.example.com/"));
        assertRefused(() -> guard.parse("ftp://hooks.example.com/"), "must be an http or https URL");
    }

    /**
     * Numeric hosts other than a canonical dotted quad are refused before any lookup: resolvers disagree about them
     * (Java reads 0177.0.0.1 as 177.0.0.1, the C library and browsers as 127.0.0.1; inet_aton reads 127.1,
     * 0x7f.1 and 2130706433 as 127.0.0.1), so the address checked need not be the address another reader calls.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://0177.0.0.1/",
                "https://0177.0.0.1:8443/hook",
                "https://010.0.0.1/",
                "https://127.0.0.01/",
                "https://00.0.0.0/",
                "https://0x7f.0.0.1/",
                "https://0X7F.0.0.1/",
                "https://0x7f.1/",
                "https://127.1/",
                "https://127.0.1/",
                "https://2130706433/",
                "https://0x7f000001/",
                "https://017700000001/",
                "https://127.0.0.1./",
                "https://1.2.3.4.5/",
                "https://256.0.0.1/",
                "https://hooks.example.123/",
                "https://user@127.1/",
                "https://[::ffff:0177.0.0.1]/",
                "https://[64:ff9b::010.0.0.1]/"
            })
    void anAmbiguousNumericHostIsRefusedWithoutALookup(String url) {
        assertRefused(
                () -> guard(false).parse(url),
                "has a numeric host that is not a dotted-quad IPv4 address "
                        + "(four decimal numbers 0-255 without leading zeros, such as 192.0.2.10)");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://192.0.2.10/",
                "https://8.8.8.8:8443/hook",
                "https://0.0.0.0/",
                "https://hooks.example.com/",
                "https://hooks.example.com./",
                "https://0x7f.example.com/",
                "https://1password.example/",
                "https://[::ffff:8.8.8.8]/",
                "https://[2001:4860:4860::8888]/"
            })
    void aNameOrCanonicalAddressIsNotNumericallyAmbiguous(String url) {
        assertThat(guard(false).parse(url)).isEqualTo(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://[64:ff9b:1::7f00:1]/",
                "https://[2002:7f00:1::]/",
                "https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",
                "https://[100::1]/",
                "https://[100:0:0:1::1]/",
                "https://[3fff::1]/",
                "https://[5f00::1]/",
                "https://[::ffff:7f00:1]/",
                "https://192.88.99.2/"
            })
    void aSpecialPurposeLiteralIsRefused(String url) throws Exception {
        String host = URI.create(url).getHost().replaceAll("[\\[\\]]", "");
        assertRefused(
                () -> guard(false).resolve(url).await().atMost(Duration.ofSeconds(10)),
                "resolves to " + InetAddress.getByName(host).getHostAddress()
                        + ", which is not a public address; webhooks may not call private networks");
    }

    @Test
    void aLiteralPrivateAddressIsRefused() {
        assertRefused(
                () -> guard(false).resolve("https://127.0.0.1/hook").await().atMost(Duration.ofSeconds(10)),
                "resolves to 127.0.0.1, which is not a public address; webhooks may not call private networks");
        assertRefused(
                () -> guard(false)
                        .resolve("https://[::ffff:169.254.169.254]/")
                        .await()
                        .atMost(Duration.ofSeconds(10)),
                "resolves to 169.254.169.254, which is not a public address; "
                        + "webhooks may not call private networks");
    }

    @Test
    void anAllowedNetworkLetsItsAddressesThrough() throws Exception {
        UrlGuard guard = guard(true, "127.0.0.1/32", "::1/128");

        UrlGuard.Target loopback =
                guard.resolve("http://127.0.0.1:8080/hook").await().atMost(Duration.ofSeconds(10));
        assertThat(loopback)
                .isEqualTo(new UrlGuard.Target(
                        URI.create("http://127.0.0.1:8080/hook"), "127.0.0.1", 8080, false, v4("127.0.0.1")));

        UrlGuard.Target v6 = guard.resolve("https://[::1]/hook").await().atMost(Duration.ofSeconds(10));
        assertThat(v6).isEqualTo(new UrlGuard.Target(URI.create("https://[::1]/hook"), "::1", 443, true, v6("::1")));

        assertRefused(
                () -> guard.resolve("http://127.0.0.2/").await().atMost(Duration.ofSeconds(10)),
                "resolves to 127.0.0.2, which is not a public address; webhooks may not call private networks");
    }

    @Test
    void aPublicLiteralAddressPasses() throws Exception {
        UrlGuard.Target target =
                guard(false).resolve("https://8.8.8.8/hook").await().atMost(Duration.ofSeconds(10));

        assertThat(target.address()).isEqualTo(v4("8.8.8.8"));
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.tls()).isTrue();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        DomainException e = catchThrowableOfType(DomainException.class, call);
        assertThat(e).as("refused: %s", message).isNotNull();
        assertThat(e.errors()).containsExactly(new FieldError("url", message));
    }

    private static InetAddress v4(String literal) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(literal);
        assertThat(address).isInstanceOf(Inet4Address.class);
        return address;
    }

    private static InetAddress v6(String literal) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(literal);
        assertThat(address).as(literal).isInstanceOf(Inet6Address.class);
        return address;
    }

    /** ::ffff:a.b.c.d as an Inet6Address (InetAddress.getByName turns it into the IPv4 address). */
    private static InetAddress mapped(String v4) throws UnknownHostException {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(InetAddress.getByName(v4).getAddress(), 0, bytes, 12, 4);
        return Inet6Address.getByAddress(null, bytes, -1);
    }

    /** 2002:aabb:ccdd::1, the 6to4 address of the site at IPv4 address aa.bb.cc.dd. */
    private static InetAddress sixToFour(String v4) throws UnknownHostException {
        byte[] bytes = new byte[16];
        bytes[0] = 0x20;
        bytes[1] = 0x02;
        System.arraycopy(InetAddress.getByName(v4).getAddress(), 0, bytes, 2, 4);
        bytes[15] = 1;
        return Inet6Address.getByAddress(null, bytes, -1);
    }

    /** An IPv4 or IPv6 literal as its own family; ::ffff:a.b.c.d stays IPv6 (the JDK would make it IPv4). */
    private static InetAddress literal(String text) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(text);
        if (text.contains(":") && address instanceof Inet4Address) {
            return mapped(address.getHostAddress());
        }
        return address;
    }

    private static UrlGuard guard(boolean allowHttp, String... allowedNetworks) {
        RapportConfig.Webhooks webhooks = (RapportConfig.Webhooks) Proxy.newProxyInstance(
                UrlGuardTest.class.getClassLoader(),
                new Class<?>[] {RapportConfig.Webhooks.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "allowHttp" -> allowHttp;
                    case "allowedNetworks" -> Optional.of(List.of(allowedNetworks));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        RapportConfig config = (RapportConfig) Proxy.newProxyInstance(
                UrlGuardTest.class.getClassLoader(), new Class<?>[] {RapportConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("webhooks")) {
                        return webhooks;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new UrlGuard(config, vertx);
    }
}

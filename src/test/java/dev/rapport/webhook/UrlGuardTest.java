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
import org.junit.jupiter.params.provider.ValueSource;

import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import io.vertx.mutiny.core.Vertx;

/**
 * Which addresses a webhook may call, decided on IP literals alone (no DNS): public unicast yes; loopback, private,
 * link-local, CGNAT, multicast, reserved and unique-local no, also inside IPv4-mapped, -compatible and NAT64 IPv6.
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
        assertThat(UrlGuard.forbidden(v4(address))).as(address).isTrue();
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
        assertThat(UrlGuard.forbidden(v4(address))).as(address).isFalse();
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
        assertThat(UrlGuard.forbidden(v6(address))).as(address).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2606:4700:4700::1111",
                "2001:4860:4860::8888",
                "2a00:1450:4001:81b::200e",
                "2001:db9::1",
                "2001:db7::1"
            })
    void publicIpv6AddressesAreAllowed(String address) throws Exception {
        assertThat(UrlGuard.forbidden(v6(address))).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"127.0.0.1", "10.1.2.3", "169.254.169.254", "100.64.0.1", "192.168.1.1", "0.0.0.0", "224.0.0.1"})
    void anIpv4AddressInsideIpv6IsJudgedAsIpv4(String inner) throws Exception {
        assertThat(UrlGuard.forbidden(mapped(inner))).as("::ffff:" + inner).isTrue();
        assertThat(UrlGuard.forbidden(v6("::" + inner))).as("::" + inner).isTrue();
        assertThat(UrlGuard.forbidden(v6("64:ff9b::" + inner)))
                .as("64:ff9b::" + inner)
                .isTrue();
        assertThat(UrlGuard.forbidden(InetAddress.getByName("::ffff:" + inner)))
                .as("::ffff:%s as the JDK reads it", inner)
                .isTrue();
    }

    @Test
    void aPublicIpv4AddressInsideIpv6IsAllowed() throws Exception {
        assertThat(UrlGuard.forbidden(mapped("8.8.8.8"))).isFalse();
        assertThat(UrlGuard.forbidden(v6("::8.8.8.8"))).isFalse();
        assertThat(UrlGuard.forbidden(v6("64:ff9b::808:808"))).isFalse();
    }

    @Test
    void nat64IsOnlyTheWellKnownPrefixWithZerosBeforeTheIpv4Part() throws Exception {
        assertThat(UrlGuard.forbidden(v6("64:ff9b::7f00:1"))).isTrue();
        assertThat(UrlGuard.forbidden(v6("64:ff9a::7f00:1"))).isFalse();
        assertThat(UrlGuard.forbidden(v6("64:ff9b:0:0:0:1:7f00:1"))).isFalse();
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

package dev.rapport.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.error.DomainException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Keeps webhook URLs from reaching into private networks (SSRF). A URL must be https (http only where config allows
 * it), and every address its host resolves to must be public unicast: loopback, private, link-local (including
 * cloud metadata), CGNAT, multicast, unspecified, reserved and unique-local IPv6 addresses, also when embedded in
 * IPv4-mapped or NAT64 IPv6 addresses, are refused unless an allowed network in config contains them. The check
 * runs at registration and again at send time, and the sender connects to the very address that was checked.
 */
@ApplicationScoped
public class UrlGuard {

    /** A URL that passed the checks, with the address to connect to. */
    public record Target(URI uri, String host, int port, boolean tls, InetAddress address) {}

    private final RapportConfig.Webhooks config;
    private final List<Cidr> allowed;
    private final Vertx vertx;

    UrlGuard(RapportConfig config, Vertx vertx) {
        this.config = config.webhooks();
        this.allowed = this.config.allowedNetworks().orElse(List.of()).stream()
                .map(Cidr::parse)
                .toList();
        this.vertx = vertx;
    }

    /** Checks the form of a URL (no DNS). */
    public URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && config.allowHttp())) {
            throw invalid(config.allowHttp() ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw invalid("must have a host and no user info or fragment");
        }
        return uri;
    }

    /** Resolves the URL's host (off the event loop) and checks every address; emits on the caller's context. */
    public Uni<Target> resolve(String url) {
        URI uri = parse(url);
        String host = uri.getHost().startsWith("[")
                ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        boolean tls = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        return vertx.executeBlocking(Uni.createFrom().item(() -> lookup(host))).map(addresses -> {
            for (InetAddress address : addresses) {
                if (forbidden(address) && allowed.stream().noneMatch(cidr -> cidr.contains(address))) {
                    throw invalid("resolves to " + address.getHostAddress()
                            + ", which is not a public address; webhooks may not call private networks");
                }
            }
            return new Target(uri, host, port, tls, addresses[0]);
        });
    }

    private static InetAddress[] lookup(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw invalid("has a host name that does not resolve");
        }
    }

    static boolean forbidden(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            boolean mapped = isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean compatible = isZero(b, 0, 12) && !(isZero(b, 12, 15) && (b[15] == 0 || b[15] == 1));
            boolean nat64 = (b[0] & 0xff) == 0x00
                    && (b[1] & 0xff) == 0x64
                    && (b[2] & 0xff) == 0xff
                    && (b[3] & 0xff) == 0x9b
                    && isZero(b, 4, 12);
            if (mapped || compatible || nat64) {
                return forbidden(v4(Arrays.copyOfRange(b, 12, 16)));
            }
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
            boolean documentation =
                    (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8;
            return address.isAnyLocalAddress()
                    || address.isLoopbackAddress()
                    || address.isLinkLocalAddress()
                    || address.isSiteLocalAddress()
                    || address.isMulticastAddress()
                    || uniqueLocal
                    || documentation;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()
                || first == 0 // 0.0.0.0/8 "this network"
                || (first == 100 && (second & 0xc0) == 64) // 100.64.0.0/10 carrier-grade NAT
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
                || (first == 198 && (second & 0xfe) == 18) // 198.18.0.0/15 benchmarking
                || first >= 240; // 240.0.0.0/4 reserved, broadcast
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(byte[] bytes) {
        try {
            return Inet4Address.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DomainException invalid(String message) {
        return DomainException.invalid("url", message);
    }

    /** An allowed network such as 127.0.0.1/32 or ::1/128. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.trim().split("/", -1);
            try {
                if (parts.length > 2) {
                    throw new NumberFormatException("more than one prefix");
                }
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : network.length * 8;
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new NumberFormatException("prefix out of range");
                }
                return new Cidr(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException(
                        "rapport.webhooks.allowed-networks: '" + text + "' is not a CIDR", e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}

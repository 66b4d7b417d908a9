package dev.rapport.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.error.DomainException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Keeps webhook URLs from reaching into private networks (SSRF). A URL must be https (http only where config allows
 * it), its host a name or an unambiguous IP literal, and every address the host resolves to public: what is public is
 * the table of {@link SpecialAddresses} (loopback, private, link-local including cloud metadata, CGNAT, multicast,
 * documentation, translation and tunnel prefixes...), unless an allowed network in config contains the address. The
 * check runs at registration, at every change of the URL, and again at send time, and the sender connects to the
 * very address that was checked.
 */
@ApplicationScoped
public class UrlGuard {

    /** A URL that passed the checks, with the address to connect to. */
    public record Target(URI uri, String host, int port, boolean tls, InetAddress address) {}

    /**
     * A canonical dotted-quad IPv4 address: four decimal numbers 0-255 without leading zeros. Every resolver reads
     * this form the same way, and the other numeric forms (0177.0.0.1, 0x7f.1, 127.1, 2130706433) differently: Java
     * reads 0177 as decimal 177 where the C library and browsers read octal 127.
     */
    private static final Pattern DOTTED_QUAD =
            Pattern.compile("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
                    + "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    /** The last label of a host that URL parsers (WHATWG) and inet_aton read as a number: decimal or 0x hex. */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");

    private static final String NOT_DOTTED_QUAD = "has a numeric host that is not a dotted-quad IPv4 address "
            + "(four decimal numbers 0-255 without leading zeros, such as 192.0.2.10)";

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
        if (uri.getHost() == null) {
            // java.net.URI finds no host in forms such as 127.1 or 0x7f.0.0.1 (a name's last label may not be numeric)
            throw invalid(
                    looksNumeric(authorityHost(uri.getRawAuthority()))
                            ? NOT_DOTTED_QUAD
                            : "must have a host and no user info or fragment");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw invalid("must have a host and no user info or fragment");
        }
        if (ambiguousNumericHost(uri.getHost())) {
            throw invalid(NOT_DOTTED_QUAD);
        }
        return uri;
    }

    /**
     * Whether a host is an IP address written in a form resolvers disagree about: a host that URL parsers and
     * inet_aton read as an IPv4 address (its last label is a number) but is not a canonical dotted quad, or an IPv6
     * literal whose embedded IPv4 part is not one. Such a host is refused before any DNS lookup.
     */
    private static boolean ambiguousNumericHost(String host) {
        if (host.startsWith("[")) {
            String literal = host.substring(1, host.length() - 1);
            int lastColon = literal.lastIndexOf(':');
            String tail = literal.substring(lastColon + 1);
            return tail.contains(".") && !DOTTED_QUAD.matcher(tail).matches();
        }
        return looksNumeric(host) && !DOTTED_QUAD.matcher(host).matches();
    }

    private static boolean looksNumeric(String host) {
        if (host == null || host.isEmpty() || host.startsWith("[")) {
            return false;
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = name.substring(name.lastIndexOf('.') + 1);
        return NUMERIC_LABEL.matcher(last).matches();
    }

    /** The host part of a raw authority that java.net.URI could not split: without user info and port. */
    private static String authorityHost(String authority) {
        if (authority == null) {
            return null;
        }
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        return hostAndPort.replaceFirst(":[0-9]*$", "");
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
                if (SpecialAddresses.forbidden(address) && allowed.stream().noneMatch(cidr -> cidr.contains(address))) {
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

    private static DomainException invalid(String message) {
        return DomainException.invalid("url", message);
    }

    /** A network such as 127.0.0.1/32 or ::1/128: an allowed network in config, or a block of special addresses. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.trim().split("/", -1);
            try {
                if (parts.length > 2) {
                    throw new NumberFormatException("more than one prefix");
                }
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                if (parts[0].contains(":") && network.length == 4) {
                    network = ipv4Mapped(network); // the JDK reads ::ffff:a.b.c.d as the IPv4 address a.b.c.d
                }
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

        private static byte[] ipv4Mapped(byte[] ipv4) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(ipv4, 0, mapped, 12, 4);
            return mapped;
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

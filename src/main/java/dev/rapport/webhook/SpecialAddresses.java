package dev.rapport.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Which addresses a webhook may call: one table of address blocks, taken from the IANA IPv4 and IPv6
 * Special-Purpose Address Registries (iana-ipv4-special-registry, iana-ipv6-special-registry, as of October 2025)
 * plus multicast and the blocks outside IPv6 global unicast. The most specific block that contains an address
 * decides; an address in no block is public.
 *
 * <p>A block is refused unless the registry's Globally Reachable column says True; "False", "N/A" and the blank
 * cells of terminated entries all count as not reachable. Blocks marked True inside a refused block (the anycast
 * addresses 192.0.0.9, 192.0.0.10 and 2001:1::1 to ::3, AMT, AS112, ORCHIDv2, drone tags) are listed as reachable
 * and allowed: they are public services anyone may reach, and the guard keeps webhooks out of private networks; it
 * does not judge whether a public address is a sensible receiver. Blocks that carry an IPv4 address (IPv4-mapped,
 * IPv4-compatible, NAT64 64:ff9b::/96, 6to4) are judged by that IPv4 address, since that is where the packets go.
 */
final class SpecialAddresses {

    /** A block of addresses: refused, reachable, or judged by the IPv4 address found at byte {@code ipv4At}. */
    record Block(UrlGuard.Cidr cidr, String name, boolean reachable, int ipv4At) {

        boolean embedsIpv4() {
            return ipv4At >= 0;
        }
    }

    static final List<Block> BLOCKS = List.of(
            // IPv4 special-purpose registry
            refused("0.0.0.0/8", "This network"),
            refused("0.0.0.0/32", "This host on this network"),
            refused("10.0.0.0/8", "Private-Use"),
            refused("100.64.0.0/10", "Shared Address Space (carrier-grade NAT)"),
            refused("127.0.0.0/8", "Loopback"),
            refused("169.254.0.0/16", "Link Local (cloud metadata)"),
            refused("172.16.0.0/12", "Private-Use"),
            refused("192.0.0.0/24", "IETF Protocol Assignments"),
            refused("192.0.0.0/29", "IPv4 Service Continuity Prefix"),
            refused("192.0.0.8/32", "IPv4 dummy address"),
            reachable("192.0.0.9/32", "Port Control Protocol Anycast"),
            reachable("192.0.0.10/32", "Traversal Using Relays around NAT Anycast"),
            refused("192.0.0.170/32", "NAT64/DNS64 Discovery"),
            refused("192.0.0.171/32", "NAT64/DNS64 Discovery"),
            refused("192.0.2.0/24", "Documentation (TEST-NET-1)"),
            reachable("192.31.196.0/24", "AS112-v4"),
            reachable("192.52.193.0/24", "AMT"),
            refused("192.88.99.0/24", "Deprecated (6to4 Relay Anycast)"),
            refused("192.88.99.2/32", "6a44-relay anycast address"),
            refused("192.168.0.0/16", "Private-Use"),
            reachable("192.175.48.0/24", "Direct Delegation AS112 Service"),
            refused("198.18.0.0/15", "Benchmarking"),
            refused("198.51.100.0/24", "Documentation (TEST-NET-2)"),
            refused("203.0.113.0/24", "Documentation (TEST-NET-3)"),
            refused("240.0.0.0/4", "Reserved"),
            refused("255.255.255.255/32", "Limited Broadcast"),
            // IPv4 multicast registry
            refused("224.0.0.0/4", "Multicast"),

            // IPv6 special-purpose registry
            refused("::1/128", "Loopback Address"),
            refused("::/128", "Unspecified Address"),
            embedding("::ffff:0:0/96", "IPv4-mapped Address", 12),
            embedding("64:ff9b::/96", "IPv4-IPv6 Translation (NAT64 well-known prefix)", 12),
            // The local-use prefix is translated by the operator's own NAT64, so where it leads is private.
            refused("64:ff9b:1::/48", "IPv4-IPv6 Translation (local use)"),
            refused("100::/64", "Discard-Only Address Block"),
            refused("100:0:0:1::/64", "Dummy IPv6 Prefix"),
            refused("2001::/23", "IETF Protocol Assignments"),
            // Teredo (Globally Reachable N/A): packets go through a relay to the bit-inverted client IPv4 address of
            // the last 32 bits, which may be any IPv4 address, and Teredo is no longer in real use. Refused whole.
            refused("2001::/32", "TEREDO"),
            reachable("2001:1::1/128", "Port Control Protocol Anycast"),
            reachable("2001:1::2/128", "Traversal Using Relays around NAT Anycast"),
            reachable("2001:1::3/128", "DNS-SD Service Registration Protocol Anycast"),
            refused("2001:2::/48", "Benchmarking"),
            reachable("2001:3::/32", "AMT"),
            reachable("2001:4:112::/48", "AS112-v6"),
            refused("2001:10::/28", "Deprecated (previously ORCHID)"),
            reachable("2001:20::/28", "ORCHIDv2"),
            reachable("2001:30::/28", "Drone Remote ID Protocol Entity Tags (DETs) Prefix"),
            refused("2001:db8::/32", "Documentation"),
            // 6to4 (Globally Reachable N/A): the address of the 6to4 site is the IPv4 address in bits 16 to 47.
            embedding("2002::/16", "6to4", 2),
            reachable("2620:4f:8000::/48", "Direct Delegation AS112 Service"),
            refused("3fff::/20", "Documentation"),
            refused("5f00::/16", "Segment Routing (SRv6) SIDs"),
            refused("fc00::/7", "Unique-Local"),
            refused("fe80::/10", "Link-Local Unicast"),
            // IPv6 addressing architecture (RFC 4291) and multicast
            embedding("::/96", "IPv4-compatible Address (deprecated)", 12),
            refused("fec0::/10", "Site-Local (deprecated)"),
            refused("ff00::/8", "Multicast"),
            // IPv6 address space registry: only 2000::/3 is allocated for global unicast, the rest is reserved.
            refused("::/3", "Reserved by IETF (not global unicast)"),
            refused("4000::/2", "Reserved by IETF (not global unicast)"),
            refused("8000::/1", "Reserved by IETF (not global unicast)"));

    private SpecialAddresses() {}

    /** Whether a webhook may not call this address (allowed networks aside). */
    static boolean forbidden(InetAddress address) {
        Block block = blockOf(address);
        if (block == null) {
            return false;
        }
        if (block.embedsIpv4()) {
            byte[] bytes = address.getAddress();
            return forbidden(ipv4(Arrays.copyOfRange(bytes, block.ipv4At(), block.ipv4At() + 4)));
        }
        return !block.reachable();
    }

    /** The most specific block that contains the address, or null when it is in none. */
    static Block blockOf(InetAddress address) {
        Block found = null;
        for (Block block : BLOCKS) {
            if (block.cidr().contains(address)
                    && (found == null || block.cidr().prefix() > found.cidr().prefix())) {
                found = block;
            }
        }
        return found;
    }

    private static Block refused(String cidr, String name) {
        return new Block(UrlGuard.Cidr.parse(cidr), name, false, -1);
    }

    private static Block reachable(String cidr, String name) {
        return new Block(UrlGuard.Cidr.parse(cidr), name, true, -1);
    }

    private static Block embedding(String cidr, String name, int ipv4At) {
        return new Block(UrlGuard.Cidr.parse(cidr), name, false, ipv4At);
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return Inet4Address.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}

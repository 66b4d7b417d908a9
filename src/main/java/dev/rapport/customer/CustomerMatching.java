package dev.rapport.customer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How duplicates are found. A live customer has match keys (table {@code customer_match_key}); two customers of
 * one partner scope sharing a key are candidates. Email and phone keys are exact matches; birthday and postal
 * keys only block (they pair customers whose names are then compared by trigram similarity). Each reason has a
 * weight, and a candidate's score combines its reasons as independent evidence: {@code 1 - Π(1 - weight)}.
 */
final class CustomerMatching {

    /** The least trigram similarity of two names for a birthday or postal key to count. */
    static final double NAME_SIMILARITY = 0.6;

    static final String EMAIL = "email";
    static final String PHONE = "phone";
    static final String BIRTHDAY = "birthday";
    static final String POSTAL = "postal";

    /** One key of a customer. */
    record MatchKey(String kind, String key) {}

    /** Why two customers may be one: the kind of key they share and, for fuzzy kinds, how alike the names are. */
    record Evidence(String kind, double nameSimilarity) {}

    /**
     * The candidates of the customers {@code customers} selects (a condition on {@code k.customer_id}), each row:
     * the customer, the candidate, the kinds of keys they share (comma-separated) and the similarity of their names;
     * live candidates only.
     */
    static String candidatesSql(String customers) {
        return CANDIDATES_SQL.formatted(customers);
    }

    private static final String CANDIDATES_SQL = """
            select k.customer_id, o.customer_id, string_agg(distinct k.kind, ','),
                cast(similarity(c.name_key, d.name_key) as float8)
            from customer_match_key k
            join customer_match_key o
                on o.partner_scope = k.partner_scope and o.kind = k.kind and o.key = k.key
                    and o.customer_id <> k.customer_id
            join customer c on c.id = k.customer_id
            join customer d on d.id = o.customer_id and d.deleted_at is null
            where %s
            group by k.customer_id, o.customer_id, c.name_key, d.name_key
            """;

    private CustomerMatching() {}

    /** The keys the customer is matched on, as {@code standards} reads its contact points. */
    static List<MatchKey> keys(Customer customer, ContactStandards standards) {
        Set<MatchKey> keys = new LinkedHashSet<>();
        customer.contacts.emails().forEach(e -> keys.add(new MatchKey(EMAIL, standards.emailMatchKey(e.address()))));
        customer.contacts.phones().forEach(p -> keys.add(new MatchKey(PHONE, p.number())));
        String name = customer.nameKey;
        if (name != null && !name.isEmpty()) {
            String initial = name.substring(0, 1);
            if (customer.birthday != null) {
                keys.add(new MatchKey(BIRTHDAY, customer.birthday + ":" + initial));
            }
            customer.contacts.addresses().stream()
                    .filter(a -> a.postalCode() != null && !a.postalCode().isBlank())
                    .forEach(a -> keys.add(new MatchKey(POSTAL, postal(a) + ":" + initial)));
        }
        return new ArrayList<>(keys);
    }

    /** The name key: given then family name, lower case without accents, as names are compared. */
    static String nameKey(String givenName, String familyName) {
        String name = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).strip();
        return CustomerNormalizer.searchable(name);
    }

    /**
     * The reasons a candidate counts for, strongest first: email, phone, and a birthday or postal key only with a
     * name at least {@link #NAME_SIMILARITY} alike; empty when none counts.
     */
    static List<String> reasons(List<String> sharedKinds, double nameSimilarity) {
        List<String> reasons = new ArrayList<>();
        for (String kind : List.of(EMAIL, PHONE, BIRTHDAY, POSTAL)) {
            boolean fuzzy = kind.equals(BIRTHDAY) || kind.equals(POSTAL);
            if (sharedKinds.contains(kind) && (!fuzzy || nameSimilarity >= NAME_SIMILARITY)) {
                reasons.add(fuzzy ? "name and " + kind : kind);
            }
        }
        return reasons;
    }

    /** The score of a candidate with these reasons (from {@link #reasons}), 0 to 1 with two decimals. */
    static BigDecimal score(List<String> reasons, double nameSimilarity) {
        double unlikely = 1;
        for (String reason : reasons) {
            unlikely *= 1 - weight(reason, nameSimilarity);
        }
        return BigDecimal.valueOf(1 - unlikely).setScale(2, RoundingMode.HALF_UP);
    }

    private static double weight(String reason, double nameSimilarity) {
        return switch (reason) {
            case EMAIL -> 1.0;
            case PHONE -> 0.9;
            case "name and " + BIRTHDAY -> 0.4 + 0.5 * nameSimilarity;
            default -> 0.3 + 0.4 * nameSimilarity;
        };
    }

    private static String postal(CustomerRecords.Address address) {
        String country = address.country() == null ? "" : address.country().toUpperCase(Locale.ROOT);
        return country + ":" + address.postalCode().replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }
}

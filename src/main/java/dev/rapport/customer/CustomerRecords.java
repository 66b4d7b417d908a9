package dev.rapport.customer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the JSONB columns of customers and purchases hold: records of the domain, not the API's shapes, so the API
 * can change without a migration. {@link CustomerMapper} maps them to and from the api/ views and requests. A
 * property that a stored record no longer has is skipped when it is read.
 */
public final class CustomerRecords {

    private CustomerRecords() {}

    @RegisterForReflection
    public record Email(String address, Boolean primary, String label) {}

    /**
     * A phone number in E.164, with what libphonenumber tells of it (null on numbers stored before it did) and the
     * number as it was given when that differs.
     */
    @RegisterForReflection
    public record Phone(String number, Boolean primary, String label, String type, Boolean valid, String original) {}

    @RegisterForReflection
    public record Address(
            String label, String line1, String line2, String city, String region, String postalCode, String country) {}

    /**
     * A customer's email addresses, phone numbers and postal addresses: one JSONB object, because the reactive
     * driver binds JSON objects, not top-level arrays.
     */
    @RegisterForReflection
    public record Contacts(List<Email> emails, List<Phone> phones, List<Address> addresses) {

        public static final Contacts NONE = new Contacts(List.of(), List.of(), List.of());

        public Contacts {
            emails = emails == null ? List.of() : List.copyOf(emails);
            phones = phones == null ? List.of() : List.copyOf(phones);
            addresses = addresses == null ? List.of() : List.copyOf(addresses);
        }
    }

    /** One channel's marketing consent: given or refused, where it was collected, when, and what text was shown. */
    @RegisterForReflection
    public record Consent(Boolean granted, String source, OffsetDateTime recordedAt, String version) {}

    @RegisterForReflection
    public record Consents(Consent email, Consent sms, Consent push) {

        public static final Consents NONE = new Consents(null, null, null);
    }

    @RegisterForReflection
    public record Line(String sku, String name, String category, int quantity, BigDecimal unitPrice) {}

    /** The lines of a purchase, kept as one JSONB object. */
    @RegisterForReflection
    public record Lines(List<Line> lines) {

        public Lines {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }
}

package dev.rapport.customer;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import dev.rapport.customer.api.CreateCustomerRequest;
import dev.rapport.customer.api.EmailAddress;
import dev.rapport.customer.api.PhoneNumber;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.filter.SearchText;
import dev.rapport.platform.json.CustomAttributes;
import dev.rapport.platform.json.Tags;

/**
 * Puts a customer's writable fields into canonical form (lower-cased emails, E.164 phones, one primary each,
 * unique lower-cased tags) and checks the rules bean validation cannot express. Also derives the search text.
 */
final class CustomerNormalizer {

    private CustomerNormalizer() {}

    /**
     * @param standards reads phone numbers in the national format of {@code partnerScope}'s region
     */
    static CreateCustomerRequest normalize(CreateCustomerRequest in, ContactStandards standards, String partnerScope) {
        List<FieldError> errors = new ArrayList<>();
        List<EmailAddress> emails = withOnePrimary(
                "emails",
                nonNull(in.emails()),
                EmailAddress::primary,
                (e, primary) -> new EmailAddress(email(e.address()), primary, e.label()),
                errors);
        List<PhoneNumber> phones = withOnePrimary(
                "phones",
                nonNull(in.phones()),
                PhoneNumber::primary,
                (p, primary) -> {
                    ContactStandards.StandardPhone standard = standards.phone(p.number(), partnerScope);
                    return new PhoneNumber(standard == null ? null : standard.e164(), primary, p.label());
                },
                errors);
        for (int i = 0; i < phones.size(); i++) {
            if (phones.get(i).number() == null) {
                errors.add(new FieldError("phones[" + i + "].number", standards.phoneRule(partnerScope)));
            }
        }
        duplicates(
                "phones",
                phones.stream().map(PhoneNumber::number).filter(n -> n != null).toList(),
                errors);
        duplicates("emails", emails.stream().map(EmailAddress::address).toList(), errors);
        if (in.timeZone() != null) {
            try {
                ZoneId.of(in.timeZone());
            } catch (DateTimeException e) {
                errors.add(new FieldError("timeZone", "must be an IANA time zone such as Europe/London"));
            }
        }
        Map<String, Object> attributes = attributes(in.attributes(), errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        List<String> tags = Tags.normalized(in.tags());
        return new CreateCustomerRequest(
                trim(in.externalId()),
                trim(in.givenName()),
                trim(in.familyName()),
                emails,
                phones,
                nonNull(in.addresses()),
                in.birthday(),
                in.locale(),
                in.timeZone(),
                tags,
                trim(in.ownerId()),
                in.consents(),
                attributes);
    }

    static String email(String address) {
        return address == null ? null : address.trim().toLowerCase(Locale.ROOT);
    }

    static String tag(String tag) {
        return Tags.normalized(tag);
    }

    /** Lower case without accents, as search text is stored and searched ({@link SearchText}). */
    static String searchable(String text) {
        return SearchText.searchable(text);
    }

    static String searchText(Customer customer) {
        StringBuilder text = new StringBuilder();
        append(text, customer.givenName);
        append(text, customer.familyName);
        customer.contacts.emails().forEach(e -> append(text, e.address()));
        customer.contacts.phones().forEach(p -> append(text, p.number().replace("+", "")));
        return searchable(text.toString());
    }

    private static void append(StringBuilder text, String part) {
        if (part != null && !part.isBlank()) {
            text.append(part).append(' ');
        }
    }

    private static <T> List<T> withOnePrimary(
            String field,
            List<T> items,
            Function<T, Boolean> isPrimary,
            java.util.function.BiFunction<T, Boolean, T> rebuild,
            List<FieldError> errors) {
        long primaries =
                items.stream().map(isPrimary).filter(Boolean.TRUE::equals).count();
        if (primaries > 1) {
            errors.add(new FieldError(field, "at most one entry may be primary"));
            return items.stream()
                    .map(item -> rebuild.apply(item, isPrimary.apply(item)))
                    .toList();
        }
        List<T> result = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            boolean primary = primaries == 0 ? i == 0 : Boolean.TRUE.equals(isPrimary.apply(item));
            result.add(rebuild.apply(item, primary));
        }
        return result;
    }

    private static void duplicates(String field, List<String> values, List<FieldError> errors) {
        if (new LinkedHashSet<>(values).size() != values.size()) {
            errors.add(new FieldError(field, "contains the same entry twice"));
        }
    }

    private static Map<String, Object> attributes(Map<String, Object> in, List<FieldError> errors) {
        return CustomAttributes.checked(in, errors);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}

package dev.rapport.customer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import dev.rapport.customer.api.Consent;
import dev.rapport.customer.api.Consents;
import dev.rapport.customer.api.CreateCustomerRequest;
import dev.rapport.customer.api.EmailAddress;
import dev.rapport.customer.api.MergeCustomerRequest;
import dev.rapport.customer.api.PhoneNumber;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;

/**
 * The profile two customers merge into: the survivor's values win, except the fields the request takes from the
 * duplicate; where only one has a value it is kept. Contact points, tags and addresses are united (the survivor's
 * first); each consent is the one recorded last; custom attributes are united, the survivor's winning.
 */
final class CustomerMergeRules {

    /** The fields {@link MergeCustomerRequest#fromDuplicate} may name. */
    static final Set<String> CHOOSABLE =
            Set.of("externalId", "givenName", "familyName", "birthday", "locale", "timeZone", "ownerId");

    private CustomerMergeRules() {}

    static void check(MergeCustomerRequest request, java.util.UUID survivorId) {
        List<FieldError> errors = new ArrayList<>();
        if (survivorId.equals(request.duplicateId())) {
            errors.add(new FieldError("duplicateId", "is the customer itself"));
        }
        List<String> fields = request.fromDuplicate() == null ? List.of() : request.fromDuplicate();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i) == null || !CHOOSABLE.contains(fields.get(i))) {
                errors.add(new FieldError(
                        "fromDuplicate[" + i + "]",
                        "must be one of "
                                + String.join(", ", CHOOSABLE.stream().sorted().toList())));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    static CreateCustomerRequest profile(
            CreateCustomerRequest survivor, CreateCustomerRequest duplicate, MergeCustomerRequest request) {
        Set<String> fromDuplicate =
                new LinkedHashSet<>(request.fromDuplicate() == null ? List.of() : request.fromDuplicate());
        List<EmailAddress> emails = primary(
                united(survivor.emails(), duplicate.emails(), EmailAddress::address),
                EmailAddress::address,
                EmailAddress::primary,
                request.primaryEmail() == null ? null : CustomerNormalizer.email(request.primaryEmail()),
                "primaryEmail",
                (e, primary) -> new EmailAddress(e.address(), primary, e.label()));
        List<PhoneNumber> phones = primary(
                united(survivor.phones(), duplicate.phones(), PhoneNumber::number),
                PhoneNumber::number,
                PhoneNumber::primary,
                request.primaryPhone() == null ? null : ContactStandards.international(request.primaryPhone()),
                "primaryPhone",
                (p, primary) -> new PhoneNumber(p.number(), primary, p.label()));
        Map<String, Object> attributes = new LinkedHashMap<>(orEmpty(duplicate.attributes()));
        attributes.putAll(orEmpty(survivor.attributes()));
        return new CreateCustomerRequest(
                pick("externalId", survivor.externalId(), duplicate.externalId(), fromDuplicate),
                pick("givenName", survivor.givenName(), duplicate.givenName(), fromDuplicate),
                pick("familyName", survivor.familyName(), duplicate.familyName(), fromDuplicate),
                emails,
                phones,
                united(survivor.addresses(), duplicate.addresses(), Function.identity()),
                pick("birthday", survivor.birthday(), duplicate.birthday(), fromDuplicate),
                pick("locale", survivor.locale(), duplicate.locale(), fromDuplicate),
                pick("timeZone", survivor.timeZone(), duplicate.timeZone(), fromDuplicate),
                united(survivor.tags(), duplicate.tags(), Function.identity()),
                pick("ownerId", survivor.ownerId(), duplicate.ownerId(), fromDuplicate),
                consents(survivor.consents(), duplicate.consents()),
                attributes);
    }

    private static <T> T pick(String field, T survivor, T duplicate, Set<String> fromDuplicate) {
        if (survivor == null) {
            return duplicate;
        }
        return duplicate != null && fromDuplicate.contains(field) ? duplicate : survivor;
    }

    private static <T, K> List<T> united(List<T> first, List<T> second, Function<T, K> key) {
        Map<K, T> united = new LinkedHashMap<>();
        for (T item : orEmpty(first)) {
            united.putIfAbsent(key.apply(item), item);
        }
        for (T item : orEmpty(second)) {
            united.putIfAbsent(key.apply(item), item);
        }
        return new ArrayList<>(united.values());
    }

    /** The entries with {@code chosen} primary (one of them, else a problem), or the first primary one kept. */
    private static <T> List<T> primary(
            List<T> items,
            Function<T, String> key,
            Function<T, Boolean> isPrimary,
            String chosen,
            String field,
            java.util.function.BiFunction<T, Boolean, T> rebuild) {
        if (chosen != null && items.stream().map(key).noneMatch(chosen::equals)) {
            throw DomainException.invalid(field, "is not an address or number of either customer");
        }
        String primary = chosen != null
                ? chosen
                : items.stream()
                        .filter(item -> Boolean.TRUE.equals(isPrimary.apply(item)))
                        .map(key)
                        .findFirst()
                        .orElse(null);
        return items.stream()
                .map(item -> rebuild.apply(item, Objects.equals(key.apply(item), primary)))
                .toList();
    }

    private static Consents consents(Consents survivor, Consents duplicate) {
        if (survivor == null) {
            return duplicate;
        }
        if (duplicate == null) {
            return survivor;
        }
        return new Consents(
                later(survivor.email(), duplicate.email()),
                later(survivor.sms(), duplicate.sms()),
                later(survivor.push(), duplicate.push()));
    }

    /** The consent recorded last: the customer's latest word on the channel. */
    private static Consent later(Consent survivor, Consent duplicate) {
        if (survivor == null || survivor.recordedAt() == null) {
            return duplicate == null ? survivor : duplicate;
        }
        if (duplicate == null || duplicate.recordedAt() == null) {
            return survivor;
        }
        return duplicate.recordedAt().isAfter(survivor.recordedAt()) ? duplicate : survivor;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}

package dev.rapport.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.api.CreateCustomerRequest;
import dev.rapport.customer.api.EmailAddress;
import dev.rapport.customer.api.PhoneNumber;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.error.ProblemType;

/** The canonical form of a customer's fields, the rules bean validation cannot express, and the search text. */
class CustomerNormalizerTest {

    private static final ContactStandards STANDARDS = ContactStandardsTest.standards(null, Map.of());

    @Test
    void emailsAreTrimmedAndLowerCasedWhateverTheDefaultLocale() {
        assertThat(CustomerNormalizer.email("  Ada.Lovelace+News@Example.COM \t"))
                .isEqualTo("ada.lovelace+news@example.com");
        assertThat(CustomerNormalizer.email(null)).isNull();
        Locale before = Locale.getDefault();
        try {
            // In Turkish, "I".toLowerCase() is a dotless ı.
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(CustomerNormalizer.email("IRIS@EXAMPLE.COM")).isEqualTo("iris@example.com");
            assertThat(CustomerNormalizer.tag("VIP")).isEqualTo("vip");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void tagsAreTrimmedAndLowerCasedButKeepTheirAccents() {
        assertThat(CustomerNormalizer.tag("  VIP ")).isEqualTo("vip");
        assertThat(CustomerNormalizer.tag("Église")).isEqualTo("église");
        assertThat(CustomerNormalizer.tag(null)).isNull();
    }

    @Test
    void searchableTextIsLowerCaseWithoutAccents() {
        assertThat(CustomerNormalizer.searchable("Zoë Ørsted")).isEqualTo("zoe orsted");
        assertThat(CustomerNormalizer.searchable("  José Ñúñez  ")).isEqualTo("jose nunez");
        assertThat(CustomerNormalizer.searchable("Łukasz Straße")).isEqualTo("lukasz strasse");
        assertThat(CustomerNormalizer.searchable("Æsir Œuvre")).isEqualTo("aesir oeuvre");
        assertThat(CustomerNormalizer.searchable("Þór Đặng Ðóra")).isEqualTo("thor dang dora");
        assertThat(CustomerNormalizer.searchable("İstanbul Kırşehir")).isEqualTo("istanbul kirsehir");
        assertThat(CustomerNormalizer.searchable("ada+news@example.com 442079460958"))
                .isEqualTo("ada+news@example.com 442079460958");
        assertThat(CustomerNormalizer.searchable("   ")).isEmpty();
    }

    @Test
    void decomposedAndComposedAccentsSearchTheSame() {
        String composed = "Zo\u00eb";
        String decomposed = "Zoe\u0308";
        assertThat(CustomerNormalizer.searchable(decomposed))
                .isEqualTo(CustomerNormalizer.searchable(composed))
                .isEqualTo("zoe");
    }

    @Test
    void theSearchTextHoldsNamesEmailsAndPhoneDigits() {
        Customer customer = new Customer();
        customer.givenName = "Zoë";
        customer.familyName = "  ";
        customer.contacts = new CustomerRecords.Contacts(
                List.of(
                        new CustomerRecords.Email("Zoe.Orsted@Example.com", true, null),
                        new CustomerRecords.Email("zoe@work.example", false, "work")),
                List.of(new CustomerRecords.Phone("+4520123456", true, null, "fixed_line_or_mobile", true, null)),
                null);

        assertThat(CustomerNormalizer.searchText(customer))
                .isEqualTo("zoe zoe.orsted@example.com zoe@work.example 4520123456");
    }

    @Test
    void theSearchTextOfACustomerWithoutAnythingIsEmpty() {
        assertThat(CustomerNormalizer.searchText(new Customer())).isEmpty();
    }

    @Test
    void normalizeTrimsNamesAndDropsBlankOnes() {
        CreateCustomerRequest out = normalized(new CreateCustomerRequest(
                null, "  Ada ", "   ", null, null, null, null, "en-GB", "Europe/London", null, " u-1 ", null, null));

        assertThat(out.givenName()).isEqualTo("Ada");
        assertThat(out.familyName()).isNull();
        assertThat(out.ownerId()).isEqualTo("u-1");
        assertThat(out.locale()).isEqualTo("en-GB");
        assertThat(out.timeZone()).isEqualTo("Europe/London");
        assertThat(out.emails()).isEmpty();
        assertThat(out.phones()).isEmpty();
        assertThat(out.addresses()).isEmpty();
        assertThat(out.tags()).isEmpty();
        assertThat(out.attributes()).isEmpty();
    }

    @Test
    void theFirstEmailAndPhoneArePrimaryWhenNoneIsMarked() {
        CreateCustomerRequest out = normalized(request(
                List.of(
                        new EmailAddress(" Ada@Example.com ", null, "home"),
                        new EmailAddress("ada@work.example", false, "work")),
                List.of(
                        new PhoneNumber("+44 20 7946 0958", null, null),
                        new PhoneNumber("0033 1 23 45 67 89", null, "mobile"))));

        assertThat(out.emails())
                .containsExactly(
                        new EmailAddress("ada@example.com", true, "home"),
                        new EmailAddress("ada@work.example", false, "work"));
        assertThat(out.phones())
                .containsExactly(
                        new PhoneNumber("+442079460958", true, null), new PhoneNumber("+33123456789", false, "mobile"));
    }

    @Test
    void theOneMarkedPrimaryStaysPrimary() {
        CreateCustomerRequest out = normalized(request(
                List.of(
                        new EmailAddress("a@example.com", null, null),
                        new EmailAddress("b@example.com", true, null),
                        new EmailAddress("c@example.com", false, null)),
                List.of(new PhoneNumber("+442079460958", false, null), new PhoneNumber("+442079460959", true, null))));

        assertThat(out.emails()).extracting(EmailAddress::primary).containsExactly(false, true, false);
        assertThat(out.phones()).extracting(PhoneNumber::primary).containsExactly(false, true);
    }

    @Test
    void twoPrimaryEmailsAreRefused() {
        DomainException e = refused(request(
                List.of(new EmailAddress("a@example.com", true, null), new EmailAddress("b@example.com", true, null)),
                null));

        assertThat(e.getMessage()).isEqualTo("emails: at most one entry may be primary");
        assertThat(e.errors()).containsExactly(new FieldError("emails", "at most one entry may be primary"));
    }

    /** Valid numbers, written with spaces: the only thing wrong is that both are primary. */
    @Test
    void twoPrimaryPhonesAreRefusedForThatAlone() {
        DomainException e = refused(request(
                null,
                List.of(
                        new PhoneNumber("+44 20 7946 0958", true, null),
                        new PhoneNumber("+44 20 7946 0959", true, null))));

        assertThat(e.errors()).containsExactly(new FieldError("phones", "at most one entry may be primary"));
    }

    @Test
    void theSameEmailTwiceIsRefusedOnceNormalized() {
        DomainException e = refused(request(
                List.of(
                        new EmailAddress("Ada@Example.com", null, null),
                        new EmailAddress(" ada@example.COM", null, null)),
                null));

        assertThat(e.errors()).containsExactly(new FieldError("emails", "contains the same entry twice"));
    }

    @Test
    void phonesThatAreNoPhoneNumbersAreRefused() {
        String message = "must be a phone number in international form: + and the country code, e.g. +44 20 7946 0958";
        DomainException e = refused(request(
                null,
                List.of(
                        new PhoneNumber("+44 20 7946 0958", null, null),
                        new PhoneNumber("020 7946 0958", null, null),
                        new PhoneNumber("+44 20", null, null),
                        new PhoneNumber("+44 20 7946 0958 0958 0958", null, null),
                        new PhoneNumber("call Ada", null, null))));

        assertThat(e.getMessage()).isEqualTo("4 fields are not valid");
        assertThat(e.errors())
                .containsExactly(
                        new FieldError("phones[1].number", message),
                        new FieldError("phones[2].number", message),
                        new FieldError("phones[3].number", message),
                        new FieldError("phones[4].number", message));
    }

    @Test
    void theSameNumberInTwoFormatsIsOneNumberTwice() {
        DomainException e = refused(request(
                null,
                List.of(
                        new PhoneNumber("+44 20 7946 0958", null, null),
                        new PhoneNumber("0044 (20) 7946-0958", null, null))));

        assertThat(e.errors()).containsExactly(new FieldError("phones", "contains the same entry twice"));
    }

    @Test
    void timeZonesMustBeKnown() {
        DomainException e = refused(new CreateCustomerRequest(
                null, null, null, null, null, null, null, null, "Nowhere/Special", null, null, null, null));

        assertThat(e.getMessage()).isEqualTo("timeZone: must be an IANA time zone such as Europe/London");
        assertThat(e.errors())
                .containsExactly(new FieldError("timeZone", "must be an IANA time zone such as Europe/London"));
    }

    @Test
    void tagsAreNormalizedAndDeduplicatedInTheirFirstOrder() {
        CreateCustomerRequest out = normalized(new CreateCustomerRequest(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of("VIP", "newsletter", " vip ", "Église", "église"),
                null,
                null,
                null));

        assertThat(out.tags()).containsExactly("vip", "newsletter", "église");
    }

    @Test
    void attributesKeepScalarsAndDropNulls() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("segment", "b2b");
        in.put("score", 42);
        in.put("ratio", 0.5);
        in.put("vip", true);
        in.put("gone", null);
        in.put("a" + "b".repeat(63), "x".repeat(1000));

        CreateCustomerRequest out = normalized(withAttributes(in));

        Map<String, Object> expected = new LinkedHashMap<>(in);
        expected.remove("gone");
        assertThat(out.attributes()).containsExactlyEntriesOf(expected);
    }

    @Test
    void attributeKeysAndValuesAreChecked() {
        String keys = "keys start with a letter and have up to 64 letters, digits or underscores";
        String values = "must be a string of up to 1000 characters, a number or a boolean";
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("1st", "x");
        in.put("with-dash", "x");
        in.put("a" + "b".repeat(64), "x");
        in.put("nested", Map.of("a", 1));
        in.put("list", List.of("a"));
        in.put("long", "x".repeat(1001));
        in.put("fine", "y");

        DomainException e = refused(withAttributes(in));

        assertThat(e.getMessage()).isEqualTo("6 fields are not valid");
        assertThat(e.errors())
                .containsExactly(
                        new FieldError("attributes.1st", keys),
                        new FieldError("attributes.with-dash", keys),
                        new FieldError("attributes.a" + "b".repeat(64), keys),
                        new FieldError("attributes.nested", values),
                        new FieldError("attributes.list", values),
                        new FieldError("attributes.long", values));
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        DomainException e = refused(new CreateCustomerRequest(
                null,
                null,
                null,
                List.of(new EmailAddress("a@example.com", null, null), new EmailAddress("A@example.com", null, null)),
                List.of(new PhoneNumber("12345", null, null)),
                null,
                null,
                null,
                "Mars/Olympus",
                null,
                null,
                null,
                Map.of("bad key", 1)));

        assertThat(e.getMessage()).isEqualTo("4 fields are not valid");
        assertThat(e.errors())
                .extracting(FieldError::field)
                .containsExactly("phones[0].number", "emails", "timeZone", "attributes.bad key");
    }

    private static CreateCustomerRequest request(List<EmailAddress> emails, List<PhoneNumber> phones) {
        return new CreateCustomerRequest(
                null, "Ada", "Lovelace", emails, phones, null, null, null, null, null, null, null, null);
    }

    private static CreateCustomerRequest withAttributes(Map<String, Object> attributes) {
        return new CreateCustomerRequest(
                null, "Ada", null, null, null, null, null, null, null, Arrays.asList("vip"), null, null, attributes);
    }

    private static CreateCustomerRequest normalized(CreateCustomerRequest request) {
        return CustomerNormalizer.normalize(request, STANDARDS, null);
    }

    private static DomainException refused(CreateCustomerRequest request) {
        DomainException e = catchThrowableOfType(
                DomainException.class, () -> CustomerNormalizer.normalize(request, STANDARDS, null));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
        return e;
    }
}

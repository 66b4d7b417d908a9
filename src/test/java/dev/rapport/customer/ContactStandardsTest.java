package dev.rapport.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.ContactStandards.StandardPhone;
import dev.rapport.platform.config.RapportConfig;

/** Phone numbers read with libphonenumber in the caller's region, and the form emails are matched on. */
class ContactStandardsTest {

    private final ContactStandards inHouse = standards(null, Map.of("partner-pk", "PK"));

    @Test
    void internationalNumbersAreStoredInE164WithTheirTypeAndValidity() {
        assertThat(inHouse.phone("+44 20 7946 0958", null))
                .isEqualTo(new StandardPhone("+442079460958", "fixed_line", true));
        assertThat(inHouse.phone("+44 (0)7911-123456", null))
                .isEqualTo(new StandardPhone("+447911123456", "mobile", true));
        assertThat(inHouse.phone("0044 20 7946 0958", null).e164()).isEqualTo("+442079460958");
        assertThat(inHouse.phone("+33\u00a01\u202f23 45 67 89", null).e164()).isEqualTo("+33123456789");
    }

    @Test
    void aPossibleButUnassignedNumberIsKeptAsInvalid() {
        assertThat(inHouse.phone("+1 200 555 0100", null)).isEqualTo(new StandardPhone("+12005550100", null, false));
    }

    @Test
    void nationalNumbersNeedTheRegionOfTheCustomersPartner() {
        assertThat(inHouse.phone("0300 1234567", "partner-pk"))
                .isEqualTo(new StandardPhone("+923001234567", "mobile", true));
        assertThat(inHouse.phone("0300 1234567", null)).isNull();
        assertThat(inHouse.phone("0300 1234567", "partner-elsewhere")).isNull();
        assertThat(inHouse.phoneRule(null)).contains("international form");
        assertThat(inHouse.phoneRule("partner-pk"))
                .isEqualTo("must be a phone number: international (+ and country code) or national in PK");

        ContactStandards british = standards("GB", Map.of());
        assertThat(british.phone("020 7946 0958", null).e164()).isEqualTo("+442079460958");
        assertThat(british.phone("+92 300 1234567", null).e164()).isEqualTo("+923001234567");
    }

    @Test
    void whatIsNoPhoneNumberIsRefused() {
        assertThat(inHouse.phone("call Ada", null)).isNull();
        assertThat(inHouse.phone("+44 20", null)).isNull();
        assertThat(inHouse.phone("   ", null)).isNull();
        assertThat(inHouse.phone(null, null)).isNull();
    }

    @Test
    void filterValuesAreComparedInE164WhenTheyAreInternational() {
        assertThat(ContactStandards.international(" +44 20 7946 0958 ")).isEqualTo("+442079460958");
        assertThat(ContactStandards.international("0044 20 7946 0958")).isEqualTo("+442079460958");
        assertThat(ContactStandards.international("020 7946")).isEqualTo("020 7946");
    }

    @Test
    void gmailAddressesMatchWithoutDotsAndTags() {
        assertThat(inHouse.emailMatchKey("ada.lovelace+news@gmail.com")).isEqualTo("adalovelace@gmail.com");
        assertThat(inHouse.emailMatchKey("a.da@googlemail.com")).isEqualTo("ada@gmail.com");
        assertThat(inHouse.emailMatchKey("ada.lovelace+news@example.com")).isEqualTo("ada.lovelace+news@example.com");
        assertThat(inHouse.emailMatchKey(null)).isNull();

        ContactStandards literal = new ContactStandards(contacts(null, Map.of(), false));
        assertThat(literal.emailMatchKey("ada.lovelace+news@gmail.com")).isEqualTo("ada.lovelace+news@gmail.com");
    }

    static ContactStandards standards(String defaultRegion, Map<String, String> partnerRegions) {
        return new ContactStandards(contacts(defaultRegion, partnerRegions, true));
    }

    private static RapportConfig.Contacts contacts(
            String defaultRegion, Map<String, String> partnerRegions, boolean gmail) {
        return new RapportConfig.Contacts() {
            @Override
            public Optional<String> defaultRegion() {
                return Optional.ofNullable(defaultRegion);
            }

            @Override
            public Map<String, String> partnerRegions() {
                return partnerRegions;
            }

            @Override
            public boolean gmailRule() {
                return gmail;
            }
        };
    }
}

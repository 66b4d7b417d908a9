package dev.rapport.customer.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import dev.rapport.platform.json.JsonObjectText;

/**
 * GraphQL's shape of {@link CreateCustomerRequest}: GraphQL has no type for an open JSON object, so custom
 * attributes travel as JSON text. Validation happens on the request it converts to, exactly as for REST.
 */
@Input("CustomerInput")
@Description("The writable fields of a customer profile")
public record CustomerInput(
        @Description("The customer's id in your own systems: unique among a partner's live customers")
        String externalId,

        @Description("Given (first) name") String givenName,
        @Description("Family (last) name") String familyName,

        @Description("Email addresses; each belongs to at most one live customer")
        List<EmailAddress> emails,

        @Description("Phone numbers") List<PhoneNumber> phones,
        @Description("Postal addresses") List<PostalAddress> addresses,
        @Description("Date of birth") LocalDate birthday,
        @Description("Preferred locale, BCP 47") String locale,
        @Description("IANA time zone") String timeZone,
        @Description("Free tags") List<String> tags,
        @Description("User id of the account owner") String ownerId,
        @Description("Marketing consents per channel") Consents consents,

        @Description("Custom attributes as a JSON object, for example {\"score\": 42}")
        String attributes) {

    public CreateCustomerRequest toRequest() throws Exception {
        return new CreateCustomerRequest(
                externalId,
                givenName,
                familyName,
                emails,
                phones,
                addresses,
                birthday,
                locale,
                timeZone,
                tags,
                ownerId,
                consents,
                new JsonObjectText().from(attributes));
    }
}

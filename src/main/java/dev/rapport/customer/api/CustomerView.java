package dev.rapport.customer.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.rapport.customer.CustomerEvent;

@Type("Customer")
@Description("A customer profile")
@Schema(
        name = "Customer",
        extensions = {
            @Extension(name = "x-event-types", value = CustomerEvent.CREATED),
            @Extension(name = "x-event-example", value = CustomerEvent.CREATED_EXAMPLE, parseValue = true)
        },
        description = "A customer profile. With ?expand= it also carries recent purchases, "
                + "recent interactions and derived figures (the customer 360 view), and the parts other domains "
                + "add: tickets (CustomerTickets: open tickets and the most recent ones).")
public record CustomerView(
        @Schema(description = "Customer id") @Description("Customer id")
        UUID id,

        @Schema(description = "The customer's id in your own systems")
        @Description("The customer's id in your own systems")
        String externalId,

        @Schema(description = "Given (first) name") @Description("Given (first) name")
        String givenName,

        @Schema(description = "Family (last) name") @Description("Family (last) name")
        String familyName,

        @Schema(description = "Email addresses, lower-cased") @Description("Email addresses, lower-cased")
        List<EmailAddress> emails,

        @Schema(description = "Phone numbers in E.164") @Description("Phone numbers in E.164")
        List<PhoneNumberView> phones,

        @Schema(description = "Postal addresses") @Description("Postal addresses")
        List<PostalAddress> addresses,

        @Schema(description = "Date of birth") @Description("Date of birth")
        LocalDate birthday,

        @Schema(description = "Preferred locale, BCP 47") @Description("Preferred locale, BCP 47")
        String locale,

        @Schema(description = "IANA time zone") @Description("IANA time zone")
        String timeZone,

        @Schema(description = "Tags") @Description("Tags") List<String> tags,

        @Schema(description = "User id of the account owner") @Description("User id of the account owner")
        String ownerId,

        @Schema(description = "Marketing consents per channel") @Description("Marketing consents per channel")
        Consents consents,

        @Schema(description = "The partner whose client created this customer; absent for in-house records")
        @Description("The partner whose client created this customer; null for in-house records")
        String partnerId,

        @Schema(description = "Custom attributes") @Ignore Map<String, Object> attributes,

        @Schema(description = "When the profile was created") @Description("When the profile was created")
        OffsetDateTime createdAt,

        @Schema(description = "When the profile last changed") @Description("When the profile last changed")
        OffsetDateTime updatedAt,

        @Schema(description = "When the customer was deleted; only admins see deleted customers")
        @Description("When the customer was deleted; only admins see deleted customers")
        OffsetDateTime deletedAt,

        @Schema(description = "Version of the profile; the ETag carries the same value")
        @Description("Version of the profile; pass it as ifMatch to update without overwriting a concurrent change")
        long version,

        @Schema(description = "Most recent purchases, with ?expand=purchases") @Ignore
        List<PurchaseView> recentPurchases,

        @Schema(description = "Most recent interactions, with ?expand=interactions") @Ignore
        List<InteractionView> recentInteractions,

        @Schema(description = "Derived figures, with ?expand=stats") @Ignore
        CustomerStats stats,

        @Schema(hidden = true) @Ignore @JsonIgnore Map<String, Object> parts) {

    /** Other domains' parts of the 360 view ({@link CustomerViewPart}), each a property of the customer. */
    @JsonAnyGetter
    @Ignore
    public Map<String, Object> expandedParts() {
        return parts == null ? Map.of() : parts;
    }

    public CustomerView withParts(Map<String, Object> parts) {
        return new CustomerView(
                id,
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
                partnerId,
                attributes,
                createdAt,
                updatedAt,
                deletedAt,
                version,
                recentPurchases,
                recentInteractions,
                stats,
                parts);
    }

    public CustomerView withExpansions(
            List<PurchaseView> purchases, List<InteractionView> interactions, CustomerStats stats) {
        return new CustomerView(
                id,
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
                partnerId,
                attributes,
                createdAt,
                updatedAt,
                deletedAt,
                version,
                purchases,
                interactions,
                stats,
                parts);
    }
}

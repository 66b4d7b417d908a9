package dev.rapport.customer.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("PhoneNumber")
@Description("A phone number of a customer in E.164, with its type and validity. At most one is primary.")
@Schema(
        name = "PhoneNumberView",
        description = "A phone number of a customer in E.164, with its type and validity. At most one is primary.")
public record PhoneNumberView(
        @Description("The number in E.164") @Schema(description = "The number in E.164", examples = "+442079460958")
        String number,

        @Description("Whether this is the customer's primary number")
        @Schema(description = "Whether this is the customer's primary number")
        Boolean primary,

        @Description("Free label such as mobile or work") @Schema(description = "Free label such as mobile or work")
        String label,

        @Description(
                "What the numbering plan says the number is: mobile, fixed_line, fixed_line_or_mobile, toll_free, voip, "
                        + "...; null when it does not tell or the number is not valid")
        @Schema(
                description = "What the numbering plan says the number is: mobile, fixed_line, fixed_line_or_mobile, "
                        + "toll_free, voip, ...; absent when it does not tell or the number is not valid",
                examples = "mobile")
        String type,

        @Description("Whether the number is assigned in its numbering plan; false for a possible but unassigned one")
        @Schema(
                description =
                        "Whether the number is assigned in its numbering plan; false for a possible but unassigned one")
        Boolean valid,

        @Description("The number as it was given, when that differs from the E.164 form")
        @Schema(
                description = "The number as it was given, when that differs from the E.164 form",
                examples = "0300 1234567")
        String original) {}

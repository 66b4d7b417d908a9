package dev.rapport.customer.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("DuplicatePair")
@Description("Two customers of one partner that may be the same person")
@Schema(description = "Two customers of one partner that may be the same person")
public record DuplicatePair(
        @Description("One customer (the smaller id)") @Schema(description = "One customer (the smaller id)")
        UUID customerId,

        @Description("The other customer") @Schema(description = "The other customer")
        UUID duplicateId,

        @Description("How likely the two are one person, 0 to 1")
        @Schema(description = "How likely the two are one person, 0 to 1", examples = "0.9")
        BigDecimal score,

        @Description("Why: email, phone, name and birthday, name and postal")
        @Schema(description = "Why: email, phone, name and birthday, name and postal", examples = "[\"phone\"]")
        List<String> reasons) {}

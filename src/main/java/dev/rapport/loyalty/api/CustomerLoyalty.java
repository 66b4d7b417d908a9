package dev.rapport.loyalty.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("CustomerLoyalty")
@Description("The loyalty part of a customer's 360 view")
@Schema(name = "CustomerLoyalty", description = "The loyalty part of a customer's 360 view: ?expand=loyalty")
public record CustomerLoyalty(
        @Schema(description = "Points available across the customer's accounts")
        @Description("Points available across the customer's accounts")
        long balance,

        @Schema(description = "The customer's accounts, oldest enrolment first")
        @Description("The customer's accounts, oldest enrolment first")
        List<LoyaltyAccountView> accounts) {}

package dev.rapport.loyalty.api;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Input("LoyaltyEnrollmentInput")
@Description("A customer to enroll in a program")
@Schema(name = "LoyaltyEnrollment", description = "A customer to enroll in a program")
public record EnrollRequest(
        @Schema(description = "The customer; one account per customer and program", required = true)
        @Description("The customer; one account per customer and program")
        @NotNull
        UUID customerId) {}

package dev.rapport.privacy.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Why a customer's personal data must be kept")
public record LegalHoldRequest(
        @Schema(description = "Why the data is kept", examples = "Pending litigation", required = true)
        @NotBlank
        @Size(max = 500)
        String reason,

        @Schema(description = "A case or matter number", examples = "CASE-2026-114") @Size(max = 100)
        String reference) {}

package dev.rapport.privacy.api;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A privacy request about one customer: an export of its data or its erasure")
public record PrivacyRequest(
        @Schema(description = "The customer", required = true) @NotNull
        UUID customerId,

        @Schema(
                description = "Why (kept with the job as its receipt: do not write personal data here)",
                examples = "Subject access request received by email")
        @Size(max = 500)
        String reason,

        @Schema(description = "A ticket or case number of the request", examples = "DSR-2026-0042") @Size(max = 100)
        String reference) {}

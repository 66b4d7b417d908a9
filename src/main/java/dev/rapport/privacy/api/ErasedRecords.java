package dev.rapport.privacy.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
@Schema(description = "What an erasure did to the rows of one table")
public record ErasedRecords(
        @Schema(description = "The table", examples = "ticket_message")
        String table,

        @Schema(
                description = "deleted (rows removed), anonymized (rows kept without personal data) or kept (rows"
                        + " kept as they are: they hold none once the profile is gone)",
                enumeration = {"deleted", "anonymized", "kept"},
                examples = "anonymized")
        String action,

        @Schema(description = "How many rows", examples = "4")
        long count) {}

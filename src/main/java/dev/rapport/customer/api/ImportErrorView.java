package dev.rapport.customer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CustomerImportError", description = "Why a row of an import was not applied")
public record ImportErrorView(
        @Schema(description = "The row's number in the whole file, from 1 (a CSV header not counted)", examples = "42")
        long row,

        @Schema(description = "The field at fault, where one is", examples = "emails[0].address")
        String field,

        @Schema(description = "What is wrong", examples = "must be a well-formed email address")
        String message) {}

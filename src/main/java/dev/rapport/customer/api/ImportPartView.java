package dev.rapport.customer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CustomerImportPart", description = "A part of an import's file, received")
public record ImportPartView(
        @Schema(description = "Its number", examples = "1") int part,

        @Schema(description = "Rows it holds (a CSV header not counted)", examples = "5000")
        int rows,

        @Schema(description = "Its size in bytes", examples = "812345")
        int bytes) {}

package dev.rapport.segment.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Customers to add to or remove from a static segment")
public record SegmentMembersRequest(
        @Schema(description = "Customer ids, 1 to 1000", required = true) @NotEmpty @Size(max = 1000)
        List<@NotNull UUID> customerIds) {}

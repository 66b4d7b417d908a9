package dev.rapport.segment.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.customer.api.CustomerView;

@Type("SegmentPreview")
@Description("How many customers a rule matches now, and some of them")
@Schema(name = "SegmentPreview", description = "How many customers a rule matches now, and some of them")
public record SegmentPreview(
        @Schema(description = "Number of customers the rule matches") @Description("Number of matching customers")
        long count,

        @Schema(description = "Some matching customers, newest first") @Description("Some matching customers")
        List<CustomerView> sample) {}

package dev.rapport.lead.api;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Type("LeadUtm")
@Description("Campaign tracking (UTM) parameters captured with a lead")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "LeadUtm", description = "Campaign tracking (UTM) parameters captured with a lead")
public record LeadUtm(
        @Schema(description = "utm_source", examples = "google") @Description("utm_source") @Size(max = 200)
        String source,

        @Schema(description = "utm_medium", examples = "cpc") @Description("utm_medium") @Size(max = 200)
        String medium,

        @Schema(description = "utm_campaign", examples = "spring-launch") @Description("utm_campaign") @Size(max = 200)
        String campaign,

        @Schema(description = "utm_term") @Description("utm_term") @Size(max = 200)
        String term,

        @Schema(description = "utm_content") @Description("utm_content") @Size(max = 200)
        String content) {}

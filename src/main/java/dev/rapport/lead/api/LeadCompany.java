package dev.rapport.lead.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Type("LeadCompany")
@Description("The company a lead works for")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "LeadCompany", description = "The company a lead works for")
public record LeadCompany(
        @Schema(description = "Company name", examples = "Initech") @Description("Company name") @Size(max = 200)
        String name,

        @Schema(
                description = "Head count band",
                enumeration = {"1-10", "11-50", "51-200", "201-1000", "1001-5000", "5000+"})
        @Description("Head count band: 1-10, 11-50, 51-200, 201-1000, 1001-5000 or 5000+")
        @Pattern(
                regexp = "1-10|11-50|51-200|201-1000|1001-5000|5000\\+",
                message = "must be 1-10, 11-50, 51-200, 201-1000, 1001-5000 or 5000+")
        String size,

        @Schema(description = "Industry", examples = "software") @Description("Industry") @Size(max = 100)
        String industry,

        @Schema(description = "Web site", examples = "https://initech.example")
        @Description("Web site")
        @Size(max = 500)
        @Pattern(regexp = "https?://\\S+", message = "must be an http or https address")
        String website) {

    /** The company of these fields, or null when none is set. */
    public static LeadCompany of(String name, String size, String industry, String website) {
        return name == null && size == null && industry == null && website == null
                ? null
                : new LeadCompany(name, size, industry, website);
    }
}

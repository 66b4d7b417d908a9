package dev.rapport.lead.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import dev.rapport.platform.json.JsonObjectText;

/**
 * GraphQL's shape of {@link CreateLeadRequest}: custom attributes travel as JSON text. Validation happens on the
 * request it converts to, exactly as for REST.
 */
@Input("LeadInput")
@Description("A lead to capture")
public record LeadInput(
        @Description("Given name") String givenName,
        @Description("Family name") String familyName,
        @Description("Email") String email,
        @Description("Phone, international") String phone,
        @Description("The company") LeadCompany company,

        @Description("web_form, referral, event, partner, import, ads or other")
        String source,

        @Description("Campaign") String campaign,
        @Description("Campaign tracking parameters") LeadUtm utm,
        @Description("Pipeline; the default one when null") UUID pipelineId,

        @Description("Stage key; the pipeline's first open stage when null")
        String stage,

        @Description("Owner; the assignment rules choose one when null")
        String ownerId,

        @Description("Estimated deal value, exact decimal") BigDecimal estimatedValue,
        @Description("ISO 4217 currency of estimatedValue") String currency,
        @Description("Expected close date") LocalDate expectedCloseDate,
        @Description("Free tags") List<String> tags,

        @Description("Custom attributes as a JSON object, for example {\"seats\": 40}")
        String attributes,

        @Description("Why it was lost; required in a lost stage")
        String lostReason) {

    private static final JsonObjectText ATTRIBUTES = new JsonObjectText();

    public CreateLeadRequest toRequest() throws Exception {
        Map<String, Object> parsed = attributes == null ? null : ATTRIBUTES.from(attributes);
        return new CreateLeadRequest(
                givenName,
                familyName,
                email,
                phone,
                company,
                source,
                campaign,
                utm,
                pipelineId,
                stage,
                ownerId,
                estimatedValue,
                currency,
                expectedCloseDate,
                tags,
                parsed,
                lostReason);
    }
}

package dev.rapport.webhook.api;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A webhook endpoint to register. PATCH (merge patch) takes any subset of these fields.")
public record CreateWebhookEndpointRequest(
        @Schema(
                description = "https URL that receives the events",
                examples = "https://hooks.example.com/rapport",
                required = true)
        @NotBlank
        @Size(max = 2000)
        String url,

        @Schema(description = "Free description", examples = "CRM sync") @Size(max = 200)
        String description,

        @Schema(
                description = "Event types to receive; * is a wildcard part: customer.*, segment.entered, *",
                examples = "[\"customer.*\"]",
                required = true)
        @NotEmpty
        @Size(max = 50)
        List<
                        @NotNull @Size(max = 200)
                        @Pattern(
                                regexp = "\\*|[a-z_]+(?:\\.(?:[a-z_]+|\\*)){0,9}",
                                message = "must be an event type or pattern such as customer.*")
                        String>
                eventTypes,

        @Schema(description = "Whether deliveries are sent; true when omitted")
        Boolean enabled,

        @Schema(description = "Extra headers sent with every delivery", examples = "{\"X-Tenant\": \"eu-1\"}")
        @Size(max = 10)
        Map<@Pattern(regexp = "[A-Za-z0-9-]{1,64}", message = "must be a header name") String, @Size(max = 500) String>
                headers) {}

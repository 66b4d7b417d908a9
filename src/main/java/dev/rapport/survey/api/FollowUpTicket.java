package dev.rapport.survey.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("FollowUpTicket")
@Description("The ticket a follow-up rule opens")
@Schema(name = "FollowUpTicket", description = "The ticket a follow-up rule opens")
public record FollowUpTicket(
        @Schema(description = "Subject", required = true, examples = "Detractor: call back within a day")
        @Description("Subject")
        @NotBlank
        @Size(max = 500)
        String subject,

        @Schema(description = "low, normal, high or urgent; normal when omitted", examples = "high")
        @Description("low, normal, high or urgent; normal when omitted")
        @Pattern(regexp = "low|normal|high|urgent", message = "must be low, normal, high or urgent")
        String priority,

        @Schema(description = "The team it goes to", examples = "care")
        @Description("The team it goes to")
        @Pattern(regexp = "[\\p{L}\\p{N}_:. -]{1,100}", message = "must be 1 to 100 letters, digits, spaces or _:.-")
        String team) {}

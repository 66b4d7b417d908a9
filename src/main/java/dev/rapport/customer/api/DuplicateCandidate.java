package dev.rapport.customer.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("DuplicateCandidate")
@Description("A customer that may be the same person as another, with the score and the reasons")
@Schema(description = "A customer that may be the same person as another, with the score and the reasons")
public record DuplicateCandidate(
        @Description("The candidate's id") @Schema(description = "The candidate's id")
        UUID customerId,

        @Description("How likely the two are one person, 0 to 1: the reasons combined as independent evidence")
        @Schema(
                description = "How likely the two are one person, 0 to 1: the reasons combined as independent evidence",
                examples = "0.95")
        BigDecimal score,

        @Description("Why: email (the same address; Gmail without dots and +tags), phone (the same number in E.164), "
                + "name and birthday, name and postal (a birthday or postal code in common and names at least "
                + "0.6 alike by trigram similarity)")
        @Schema(
                description = "Why: email (the same address; Gmail without dots and +tags), phone (the same number "
                        + "in E.164), name and birthday, name and postal (a birthday or postal code in common and names "
                        + "at least 0.6 alike by trigram similarity)",
                examples = "[\"phone\", \"name and birthday\"]")
        List<String> reasons,

        @Description("The candidate's profile") @Schema(description = "The candidate's profile")
        CustomerView customer) {}

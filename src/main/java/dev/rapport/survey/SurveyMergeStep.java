package dev.rapport.survey;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.CustomerMergeStep;
import dev.rapport.customer.api.MovedRecords;
import io.smallrye.mutiny.Uni;

/** The survey domain's part of a merge: the merged customer's distributions and answers are the survivor's. */
@ApplicationScoped
class SurveyMergeStep implements CustomerMergeStep {

    @Override
    public List<String> customerColumns() {
        return List.of("survey_distribution.customer_id", "survey_response.customer_id");
    }

    @Override
    public Uni<List<MovedRecords>> move(UUID mergedId, UUID survivorId) {
        return CustomerMergeStep.reassign("survey_distribution", "customer_id", mergedId, survivorId)
                .chain(distributions -> CustomerMergeStep.reassign(
                                "survey_response", "customer_id", mergedId, survivorId)
                        .map(responses -> List.of(distributions, responses)));
    }
}

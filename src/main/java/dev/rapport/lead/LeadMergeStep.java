package dev.rapport.lead;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.CustomerMergeStep;
import dev.rapport.customer.api.MovedRecords;
import io.smallrye.mutiny.Uni;

/** The lead domain's part of a merge: leads converted to the merged customer now name the survivor. */
@ApplicationScoped
class LeadMergeStep implements CustomerMergeStep {

    @Override
    public List<String> customerColumns() {
        return List.of("lead.customer_id");
    }

    @Override
    public Uni<List<MovedRecords>> move(UUID mergedId, UUID survivorId) {
        return CustomerMergeStep.reassign("lead", "customer_id", mergedId, survivorId)
                .map(List::of);
    }
}

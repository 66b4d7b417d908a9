package dev.rapport.automation;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.CustomerMergeStep;
import dev.rapport.customer.api.MovedRecords;
import io.smallrye.mutiny.Uni;

/**
 * The automation domain's part of a merge: the merged customer's trigger runs become the survivor's, so that
 * frequency caps count what was already sent to the person.
 */
@ApplicationScoped
class AutomationMergeStep implements CustomerMergeStep {

    @Override
    public List<String> customerColumns() {
        return List.of("trigger_run.customer_id");
    }

    @Override
    public Uni<List<MovedRecords>> move(UUID mergedId, UUID survivorId) {
        return CustomerMergeStep.reassign("trigger_run", "customer_id", mergedId, survivorId)
                .map(List::of);
    }
}

package dev.rapport.lead;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Lead notes inside write transactions; callers read them through {@link LeadQueries}. */
@ApplicationScoped
public class LeadNoteRepository implements PanacheRepositoryBase<LeadNote, UUID> {

    /** Every note of a lead, oldest first. */
    public Uni<List<LeadNote>> of(UUID leadId) {
        return list("leadId = ?1 order by occurredAt, id", leadId);
    }
}

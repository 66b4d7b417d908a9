package dev.rapport.lead;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Pipelines inside write transactions; callers read them through {@link PipelineQueries}. */
@ApplicationScoped
public class PipelineRepository implements PanacheRepositoryBase<Pipeline, UUID> {

    /** A pipeline a lead of a caller of {@code scope} may be in: its partner's own or an in-house one; or null. */
    public Uni<Pipeline> findUsable(UUID id, String scope) {
        return findById(id).map(p -> p == null || (p.partnerId != null && !p.partnerId.equals(scope)) ? null : p);
    }

    /** The pipeline a lead that names none joins. */
    public Uni<Pipeline> findDefault() {
        return find("isDefault", true).firstResult();
    }

    /** How many leads are in the pipeline. */
    public Uni<Long> leadsIn(UUID pipelineId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select count(*) from lead where pipeline_id = :id", Long.class)
                        .setParameter("id", pipelineId)
                        .getSingleResult());
    }

    /** The stages among {@code stages} that leads of the pipeline are in. */
    public Uni<java.util.List<String>> stagesInUse(UUID pipelineId, java.util.List<String> stages) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select distinct stage from lead where pipeline_id = :id"
                                        + " and stage = any(string_to_array(:stages, ',')) order by stage",
                                String.class)
                        .setParameter("id", pipelineId)
                        .setParameter("stages", String.join(",", stages))
                        .getResultList());
    }

    /** Keeps the leads' stage categories in step with the pipeline's stages. */
    public Uni<Integer> recategorize(UUID pipelineId, String stage, String category) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "update lead set stage_category = :category where pipeline_id = :id and stage = :stage"
                                        + " and stage_category <> :category")
                        .setParameter("id", pipelineId)
                        .setParameter("stage", stage)
                        .setParameter("category", category)
                        .executeUpdate());
    }
}

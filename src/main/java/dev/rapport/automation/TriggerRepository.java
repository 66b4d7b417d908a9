package dev.rapport.automation;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Triggers inside write transactions; callers read them through {@link TriggerQueries}. */
@ApplicationScoped
public class TriggerRepository implements PanacheRepositoryBase<Trigger, UUID> {

    /** A trigger a caller of {@code scope} may manage: a partner only its own; null when there is none. */
    public Uni<Trigger> findVisible(UUID id, String scope) {
        return findById(id).map(t -> t == null || !Caller.mayAccess(scope, t.partnerId) ? null : t);
    }

    /** Removes a trigger's runs and their actions, before the trigger itself goes (there is no cascade). */
    public Uni<Void> deleteRuns(UUID id) {
        return Panache.getSession()
                .chain(session ->
                        session.createNativeQuery("""
                                with runs as (delete from trigger_run where trigger_id = :id returning id)
                                delete from trigger_action_run a using runs where a.run_id = runs.id
                                """).setParameter("id", id).executeUpdate())
                .replaceWithVoid();
    }
}

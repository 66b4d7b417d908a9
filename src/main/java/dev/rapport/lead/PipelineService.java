package dev.rapport.lead;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.event.EventLog;
import dev.rapport.lead.api.CreatePipelineRequest;
import dev.rapport.lead.api.PipelineStage;
import dev.rapport.lead.api.PipelineView;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.error.ProblemType;
import dev.rapport.platform.json.MergePatches;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Pipelines: stages with unique keys, at least one open and one won. A partner defines and sees its own, and uses
 * the in-house ones (the default among them), which only staff change. A stage leads are in cannot be removed.
 */
@ApplicationScoped
public class PipelineService {

    static final Sort ORDER = PipelineQueries.ORDER;

    private final PipelineRepository pipelines;
    private final PipelineQueries queries;
    private final LeadMapper mapper;
    private final EventLog events;
    private final MergePatches patches;
    private final Caller caller;
    private final Clock clock;

    PipelineService(
            PipelineRepository pipelines,
            PipelineQueries queries,
            LeadMapper mapper,
            EventLog events,
            MergePatches patches,
            Caller caller,
            Clock clock) {
        this.pipelines = pipelines;
        this.queries = queries;
        this.mapper = mapper;
        this.events = events;
        this.patches = patches;
        this.caller = caller;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<PipelineView> create(CreatePipelineRequest request) {
        patches.validate(request);
        check(request);
        OffsetDateTime now = Clocks.now(clock);
        Pipeline pipeline = new Pipeline();
        pipeline.id = Ids.newId();
        pipeline.partnerId = caller.partnerScope();
        pipeline.createdAt = now;
        pipeline.updatedAt = now;
        pipeline.name = request.name().trim();
        pipeline.stages = mapper.stages(request.stages());
        return pipelines.persist(pipeline).chain(() -> {
            PipelineView view = mapper.toView(pipeline);
            return events.append(LeadEvent.PIPELINE_CREATED, LeadEvent.PIPELINE, pipeline.id, pipeline.partnerId, view)
                    .replaceWith(view);
        });
    }

    /** A pipeline the caller may use; the default one for null. */
    public Uni<PipelineView> get(UUID id) {
        return queries.pipeline(id, caller.partnerScope()).map(view -> {
            if (view == null) {
                throw DomainException.notFound("pipeline", id);
            }
            return view;
        });
    }

    public Uni<Page<PipelineView>> list(PageRequest page) {
        return queries.pipelines(caller.partnerScope(), page);
    }

    /** Renames a pipeline or replaces its stages; a stage leads are in must stay, its category may change. */
    @WithTransaction
    public Uni<PipelineView> update(UUID id, JsonNode patch, String ifMatch) {
        return managed(id)
                .chain(pipeline -> {
                    ETags.checkIfMatch(ifMatch, pipeline.version);
                    MergePatches.Patched<CreatePipelineRequest> patched =
                            patches.apply(mapper.toRequest(pipeline), patch);
                    if (!patched.changed()) {
                        return Uni.createFrom().item(mapper.toView(pipeline));
                    }
                    CreatePipelineRequest request = patched.value();
                    check(request);
                    Set<String> kept =
                            request.stages().stream().map(PipelineStage::key).collect(Collectors.toSet());
                    List<String> removed = pipeline.stages.items().stream()
                            .map(LeadRecords.Stage::key)
                            .filter(key -> !kept.contains(key))
                            .toList();
                    Uni<Void> checked = removed.isEmpty()
                            ? Uni.createFrom().voidItem()
                            : pipelines.stagesInUse(pipeline.id, removed).map(used -> {
                                if (!used.isEmpty()) {
                                    throw DomainException.conflict("Leads are in the stages " + String.join(", ", used)
                                            + "; move them before removing those stages");
                                }
                                return null;
                            });
                    Map<String, LeadRecords.Stage> before = pipeline.stages.items().stream()
                            .collect(Collectors.toMap(LeadRecords.Stage::key, Function.identity()));
                    return checked.chain(() -> {
                                pipeline.name = request.name().trim();
                                pipeline.stages = mapper.stages(request.stages());
                                pipeline.updatedAt = Clocks.now(clock);
                                Uni<Void> recategorized = Uni.createFrom().voidItem();
                                for (LeadRecords.Stage stage : pipeline.stages.items()) {
                                    LeadRecords.Stage old = before.get(stage.key());
                                    if (old != null && !old.category().equals(stage.category())) {
                                        recategorized = recategorized
                                                .chain(() -> pipelines.recategorize(
                                                        pipeline.id, stage.key(), stage.category()))
                                                .replaceWithVoid();
                                    }
                                }
                                return recategorized;
                            })
                            .chain(() -> pipelines.flush())
                            .chain(() -> {
                                PipelineView view = mapper.toView(pipeline);
                                return events.append(
                                                LeadEvent.PIPELINE_UPDATED,
                                                LeadEvent.PIPELINE,
                                                id,
                                                pipeline.partnerId,
                                                new LeadEvent.DefinitionUpdated(id, patched.changedFields(), view))
                                        .replaceWith(view);
                            });
                })
                .onFailure()
                .transform(e -> ETags.whenStale(e, ifMatch));
    }

    /**
     * Deletes a pipeline no lead is in; the default one stays. The row stays too, marked deleted: leads do not hold
     * a foreign key to it (see V13), so a capture racing the deletion still names a pipeline that exists.
     */
    @WithTransaction
    public Uni<Void> delete(UUID id, String ifMatch) {
        return managed(id)
                .chain(pipeline -> {
                    ETags.checkIfMatch(ifMatch, pipeline.version);
                    if (pipeline.isDefault) {
                        throw DomainException.conflict("The default pipeline cannot be deleted");
                    }
                    return pipelines
                            .leadsIn(id)
                            .chain(count -> {
                                if (count > 0) {
                                    throw DomainException.conflict(
                                            count + " leads are in this pipeline; move them to another first");
                                }
                                pipeline.deletedAt = Clocks.now(clock);
                                return pipelines.flush();
                            })
                            .chain(() -> events.append(
                                    LeadEvent.PIPELINE_DELETED,
                                    LeadEvent.PIPELINE,
                                    id,
                                    pipeline.partnerId,
                                    new LeadEvent.DefinitionDeleted(id, pipeline.name)))
                            .replaceWithVoid();
                })
                .onFailure()
                .transform(e -> ETags.whenStale(e, ifMatch));
    }

    /** A pipeline the caller may change: its partner's own, or any for staff; else not-found. */
    private Uni<Pipeline> managed(UUID id) {
        String scope = caller.partnerScope();
        return pipelines.findById(id, LockModeType.PESSIMISTIC_WRITE).map(found -> {
            Pipeline pipeline = found == null || found.deletedAt != null ? null : found;
            if (pipeline != null && scope != null && pipeline.partnerId == null) {
                throw new DomainException(ProblemType.FORBIDDEN, "In-house pipelines are changed by staff only");
            }
            if (pipeline == null || !Caller.mayAccess(scope, pipeline.partnerId)) {
                throw DomainException.notFound("pipeline", id);
            }
            return pipeline;
        });
    }

    private static void check(CreatePipelineRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < request.stages().size(); i++) {
            if (!keys.add(request.stages().get(i).key())) {
                errors.add(new FieldError("stages[" + i + "].key", "another stage has the key already"));
            }
        }
        if (request.stages().stream().noneMatch(s -> LeadRecords.OPEN.equals(s.category()))) {
            errors.add(new FieldError("stages", "a pipeline needs at least one open stage"));
        }
        if (request.stages().stream().noneMatch(s -> LeadRecords.WON.equals(s.category()))) {
            errors.add(new FieldError("stages", "a pipeline needs at least one won stage, where converted leads go"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }
}

package dev.rapport.lead;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.lead.api.CreateLeadAssignmentRuleRequest;
import dev.rapport.lead.api.CreateLeadScoringRuleRequest;
import dev.rapport.lead.api.CreatePipelineRequest;
import dev.rapport.lead.api.LeadAssignmentRulePage;
import dev.rapport.lead.api.LeadAssignmentRuleView;
import dev.rapport.lead.api.LeadScoringRulePage;
import dev.rapport.lead.api.LeadScoringRuleView;
import dev.rapport.lead.api.PipelinePage;
import dev.rapport.lead.api.PipelineView;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.security.Roles;
import dev.rapport.platform.web.GraphQLArguments;
import io.smallrye.mutiny.Uni;

/** Pipelines and lead rules in GraphQL: the same services, rules and error codes as REST. */
@GraphQLApi
public class LeadDefinitionsGraphQLApi {

    private final PipelineService pipelines;
    private final LeadRuleService rules;
    private final ObjectMapper json;

    LeadDefinitionsGraphQLApi(PipelineService pipelines, LeadRuleService rules, ObjectMapper json) {
        this.pipelines = pipelines;
        this.rules = rules;
        this.json = json;
    }

    @Query("pipeline")
    @Description("One pipeline by id; the default one when id is null")
    @RolesAllowed(Roles.LEADS_READ)
    public Uni<PipelineView> pipeline(@Id String id) {
        return pipelines.get(id == null ? null : GraphQLArguments.id(id));
    }

    @Query("pipelines")
    @Description("Pipelines, oldest first, cursor-paged")
    @RolesAllowed(Roles.LEADS_READ)
    public Uni<PipelinePage> pipelines(
            @Description("Page size, 1 to 100") @DefaultValue("20") int limit,
            @Description("nextCursor of the previous page") String after) {
        return pipelines
                .list(page(limit, after, PipelineService.ORDER))
                .map(page -> new PipelinePage(page.data(), page.nextCursor(), page.hasMore()));
    }

    @Query("leadScoringRule")
    @Description("One lead scoring rule by id")
    @RolesAllowed(Roles.LEADS_READ)
    public Uni<LeadScoringRuleView> leadScoringRule(@NonNull @Id String id) {
        return rules.scoringRule(GraphQLArguments.id(id));
    }

    @Query("leadAssignmentRule")
    @Description("One lead assignment rule by id")
    @RolesAllowed(Roles.LEADS_READ)
    public Uni<LeadAssignmentRuleView> leadAssignmentRule(@NonNull @Id String id) {
        return rules.assignmentRule(GraphQLArguments.id(id));
    }

    @Query("leadScoringRules")
    @Description("Lead scoring rules, cursor-paged")
    @RolesAllowed(Roles.LEADS_READ)
    public Uni<LeadScoringRulePage> leadScoringRules(
            @Description("Page size, 1 to 100") @DefaultValue("20") int limit,
            @Description("nextCursor of the previous page") String after) {
        return rules.scoringRules(page(limit, after, LeadRuleService.ORDER))
                .map(page -> new LeadScoringRulePage(page.data(), page.nextCursor(), page.hasMore()));
    }

    @Query("leadAssignmentRules")
    @Description("Lead assignment rules in the order they are tried, cursor-paged")
    @RolesAllowed(Roles.LEADS_READ)
    public Uni<LeadAssignmentRulePage> leadAssignmentRules(
            @Description("Page size, 1 to 100") @DefaultValue("20") int limit,
            @Description("nextCursor of the previous page") String after) {
        return rules.assignmentRules(page(limit, after, LeadRuleService.ORDER))
                .map(page -> new LeadAssignmentRulePage(page.data(), page.nextCursor(), page.hasMore()));
    }

    @Mutation("createPipeline")
    @Description("Define a pipeline")
    @RolesAllowed(Roles.LEADS_MANAGE)
    public Uni<PipelineView> createPipeline(@NonNull @Valid CreatePipelineRequest input) {
        return pipelines.create(input);
    }

    @Mutation("updatePipeline")
    @Description("Change a pipeline with a JSON merge patch, as PATCH /v1/pipelines/{id}")
    @RolesAllowed(Roles.LEADS_MANAGE)
    public Uni<PipelineView> updatePipeline(
            @NonNull @Id String id, @NonNull @Description("JSON merge patch") String patch, Long ifMatchVersion) {
        return pipelines.update(GraphQLArguments.id(id), GraphQLArguments.json(json, patch), version(ifMatchVersion));
    }

    @Mutation("deletePipeline")
    @Description("Delete a pipeline no lead is in; returns its id")
    @RolesAllowed(Roles.LEADS_MANAGE)
    @Id
    public Uni<String> deletePipeline(@NonNull @Id String id, Long ifMatchVersion) {
        return pipelines
                .delete(GraphQLArguments.id(id), version(ifMatchVersion))
                .replaceWith(id);
    }

    @Mutation("createLeadScoringRule")
    @Description("Define a lead scoring rule")
    @RolesAllowed(Roles.LEADS_MANAGE)
    public Uni<LeadScoringRuleView> createLeadScoringRule(@NonNull @Valid CreateLeadScoringRuleRequest input) {
        return rules.createScoring(input);
    }

    @Mutation("updateLeadScoringRule")
    @Description("Change a lead scoring rule with a JSON merge patch, as PATCH /v1/lead-scoring-rules/{id}")
    @RolesAllowed(Roles.LEADS_MANAGE)
    public Uni<LeadScoringRuleView> updateLeadScoringRule(
            @NonNull @Id String id, @NonNull @Description("JSON merge patch") String patch, Long ifMatchVersion) {
        return rules.updateScoring(
                GraphQLArguments.id(id), GraphQLArguments.json(json, patch), version(ifMatchVersion));
    }

    @Mutation("deleteLeadScoringRule")
    @Description("Delete a lead scoring rule; returns its id")
    @RolesAllowed(Roles.LEADS_MANAGE)
    @Id
    public Uni<String> deleteLeadScoringRule(@NonNull @Id String id, Long ifMatchVersion) {
        return rules.delete(GraphQLArguments.id(id), LeadRule.SCORING, version(ifMatchVersion))
                .replaceWith(id);
    }

    @Mutation("createLeadAssignmentRule")
    @Description("Define a lead assignment rule")
    @RolesAllowed(Roles.LEADS_MANAGE)
    public Uni<LeadAssignmentRuleView> createLeadAssignmentRule(@NonNull @Valid CreateLeadAssignmentRuleRequest input) {
        return rules.createAssignment(input);
    }

    @Mutation("updateLeadAssignmentRule")
    @Description("Change a lead assignment rule with a JSON merge patch, as PATCH /v1/lead-assignment-rules/{id}")
    @RolesAllowed(Roles.LEADS_MANAGE)
    public Uni<LeadAssignmentRuleView> updateLeadAssignmentRule(
            @NonNull @Id String id, @NonNull @Description("JSON merge patch") String patch, Long ifMatchVersion) {
        return rules.updateAssignment(
                GraphQLArguments.id(id), GraphQLArguments.json(json, patch), version(ifMatchVersion));
    }

    @Mutation("deleteLeadAssignmentRule")
    @Description("Delete a lead assignment rule; returns its id")
    @RolesAllowed(Roles.LEADS_MANAGE)
    @Id
    public Uni<String> deleteLeadAssignmentRule(@NonNull @Id String id, Long ifMatchVersion) {
        return rules.delete(GraphQLArguments.id(id), LeadRule.ASSIGNMENT, version(ifMatchVersion))
                .replaceWith(id);
    }

    private static PageRequest page(int limit, String after, dev.rapport.platform.paging.Sort sort) {
        return PageRequest.of(Integer.toString(limit), after, sort);
    }

    private static String version(Long ifMatchVersion) {
        return ifMatchVersion == null ? null : ETags.of(ifMatchVersion);
    }
}

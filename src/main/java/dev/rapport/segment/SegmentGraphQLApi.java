package dev.rapport.segment;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.customer.api.CustomerView;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.security.Roles;
import dev.rapport.platform.web.GraphQLArguments;
import dev.rapport.segment.api.CreateSegmentRequest;
import dev.rapport.segment.api.SegmentChangePage;
import dev.rapport.segment.api.SegmentMemberPage;
import dev.rapport.segment.api.SegmentMemberView;
import dev.rapport.segment.api.SegmentMembersResult;
import dev.rapport.segment.api.SegmentPage;
import dev.rapport.segment.api.SegmentPreview;
import dev.rapport.segment.api.SegmentView;
import io.smallrye.mutiny.Uni;

/**
 * Segments in GraphQL: the same service, rules and error codes as REST. A page of segments with their members, and
 * a page of customers with their segments, cost one query per nested field.
 */
@GraphQLApi
public class SegmentGraphQLApi {

    private final SegmentService segments;
    private final ObjectMapper json;

    SegmentGraphQLApi(SegmentService segments, ObjectMapper json) {
        this.segments = segments;
        this.json = json;
    }

    @Query("segment")
    @Description("One segment by id")
    @RolesAllowed(Roles.SEGMENTS_READ)
    public Uni<SegmentView> segment(@NonNull @Id String id) {
        return segments.get(GraphQLArguments.id(id));
    }

    @Query("segments")
    @Description("Segments, newest first, cursor-paged")
    @RolesAllowed(Roles.SEGMENTS_READ)
    public Uni<SegmentPage> segments(
            @Description("Page size, 1 to 100") @DefaultValue("20") int limit,
            @Description("nextCursor of the previous page") String after) {
        return segments.list(PageRequest.of(Integer.toString(limit), after, SegmentService.NEWEST_FIRST))
                .map(page -> new SegmentPage(page.data(), page.nextCursor(), page.hasMore()));
    }

    @Query("segmentPreview")
    @Description("How many customers a rule matches now, and the newest of them; nothing is stored")
    @RolesAllowed(Roles.SEGMENTS_READ)
    public Uni<SegmentPreview> segmentPreview(
            @NonNull @Description("RSQL over customer facts, for example tags==vip;lastPurchaseAt=lt=-P60D")
                    String rule,
            @Description("How many matching customers to show, 0 to 100") @DefaultValue("10") int sampleSize) {
        return segments.preview(rule, sampleSize);
    }

    @Query("segmentChanges")
    @Description("Who entered or left a segment, when and why, newest first")
    @RolesAllowed(Roles.SEGMENTS_READ)
    public Uni<SegmentChangePage> segmentChanges(
            @NonNull @Id String id,
            @Description("Page size, 1 to 100") @DefaultValue("20") int limit,
            @Description("nextCursor of the previous page") String after) {
        return segments.changes(
                        GraphQLArguments.id(id), PageRequest.of(Integer.toString(limit), after, SegmentService.CHANGES))
                .map(page -> new SegmentChangePage(page.data(), page.nextCursor(), page.hasMore()));
    }

    @Name("members")
    @Description("The segment's members, newest first")
    @RolesAllowed(Roles.SEGMENTS_READ)
    public Uni<List<SegmentMemberPage>> members(
            @Source List<SegmentView> sources,
            @Description("Only members matching this RSQL over customer facts") String filter,
            @Description("Page size, 1 to 100") @DefaultValue("20") int limit,
            @Description("nextCursor of the previous page (with one segment)") String after) {
        List<UUID> ids = sources.stream().map(SegmentView::id).toList();
        PageRequest page = PageRequest.of(Integer.toString(limit), after, SegmentService.MEMBERS);
        return segments.members(ids, filter, page)
                .map(pages -> ids.stream()
                        .map(pages::get)
                        .map(p -> new SegmentMemberPage(p.data(), p.nextCursor(), p.hasMore()))
                        .toList());
    }

    @Name("customer")
    @Description("The member")
    @RolesAllowed(Roles.CUSTOMERS_READ)
    public Uni<List<CustomerView>> customer(@Source List<SegmentMemberView> sources) {
        List<UUID> ids =
                sources.stream().map(SegmentMemberView::customerId).distinct().toList();
        return segments.customers(ids)
                .map(found -> sources.stream()
                        .map(member -> found.get(member.customerId()))
                        .toList());
    }

    @Name("segments")
    @Description("The segments the customer belongs to, newest membership first")
    @RolesAllowed(Roles.SEGMENTS_READ)
    public Uni<List<List<SegmentMemberView>>> customerSegments(@Source List<CustomerView> sources) {
        List<UUID> ids = sources.stream().map(CustomerView::id).toList();
        return segments.segmentsOf(ids)
                .map(byCustomer -> ids.stream()
                        .map(id -> byCustomer.getOrDefault(id, List.of()))
                        .toList());
    }

    @Mutation("createSegment")
    @Description("Define a segment; a dynamic one is computed in the background")
    @RolesAllowed(Roles.SEGMENTS_WRITE)
    public Uni<SegmentView> createSegment(@NonNull @Valid CreateSegmentRequest input) {
        return segments.create(input);
    }

    @Mutation("updateSegment")
    @Description("Change a segment with a JSON merge patch, the same document PATCH /v1/segments/{id} takes")
    @RolesAllowed(Roles.SEGMENTS_WRITE)
    public Uni<SegmentView> updateSegment(
            @NonNull @Id String id,
            @NonNull @Description("JSON merge patch, for example {\"rule\": \"tags==vip\"}") String patch,
            @Description("The version the change is based on; a stale one fails with precondition-failed")
                    Long ifMatchVersion) {
        return segments.update(
                GraphQLArguments.id(id),
                GraphQLArguments.json(json, patch),
                ifMatchVersion == null ? null : ETags.of(ifMatchVersion));
    }

    @Mutation("deleteSegment")
    @Description("Delete a segment with its members and history; returns its id")
    @RolesAllowed(Roles.SEGMENTS_WRITE)
    @Id
    public Uni<String> deleteSegment(@NonNull @Id String id, Long ifMatchVersion) {
        return segments.delete(GraphQLArguments.id(id), ifMatchVersion == null ? null : ETags.of(ifMatchVersion))
                .replaceWith(id);
    }

    @Mutation("addSegmentMembers")
    @Description("Add up to 1000 customers to a static segment")
    @RolesAllowed(Roles.SEGMENTS_WRITE)
    public Uni<SegmentMembersResult> addSegmentMembers(
            @NonNull @Id String id, @NonNull List<@NonNull UUID> customerIds) {
        return segments.addMembers(GraphQLArguments.id(id), customerIds);
    }

    @Mutation("removeSegmentMembers")
    @Description("Remove up to 1000 customers from a static segment")
    @RolesAllowed(Roles.SEGMENTS_WRITE)
    public Uni<SegmentMembersResult> removeSegmentMembers(
            @NonNull @Id String id, @NonNull List<@NonNull UUID> customerIds) {
        return segments.removeMembers(GraphQLArguments.id(id), customerIds);
    }
}

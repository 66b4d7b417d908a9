package dev.rapport.segment;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.platform.action.ActionCall;
import dev.rapport.platform.action.ActionSettings;
import dev.rapport.platform.action.ActionSource;
import dev.rapport.platform.action.ActionType;
import dev.rapport.platform.error.Problem.FieldError;
import io.smallrye.mutiny.Uni;

/**
 * What triggers can do with static segments: add the customer they fired for to one, or remove it. The segment
 * must be static and the trigger's partner's (or in-house for an in-house trigger); its change of membership emits
 * segment.entered or segment.exited like one made by API.
 */
@ApplicationScoped
class SegmentActions implements ActionSource {

    private final SegmentService segments;
    private final SegmentQueries queries;

    SegmentActions(SegmentService segments, SegmentQueries queries) {
        this.segments = segments;
        this.queries = queries;
    }

    @Override
    public List<ActionType> actions() {
        return List.of(new Membership("addToSegment", true), new Membership("removeFromSegment", false));
    }

    private final class Membership implements ActionType {

        private final String name;
        private final boolean add;

        Membership(String name, boolean add) {
            this.name = name;
            this.add = add;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return (add ? "Adds the customer to" : "Removes the customer from")
                    + " a static segment. Settings: segmentId.";
        }

        @Override
        public Uni<List<FieldError>> check(JsonNode settings, String partnerId) {
            ActionSettings read = ActionSettings.of(settings);
            UUID id = read.id("segmentId");
            if (id == null) {
                return Uni.createFrom().item(read.errors(Set.of("segmentId")));
            }
            return queries.find(id, partnerId).map(segment -> {
                if (segment == null) {
                    read.error("segmentId", "no such segment: " + id);
                } else if (Segment.DYNAMIC.equals(segment.kind())) {
                    read.error("segmentId", "is a dynamic segment, whose members follow its rule; name a static one");
                }
                return read.errors(Set.of("segmentId"));
            });
        }

        @Override
        public Uni<String> preview(ActionCall call) {
            UUID customer = call.requireCustomer();
            UUID segment = segmentOf(call);
            return segments.get(segment)
                    .chain(view -> queries.memberships(List.of(customer))
                            .map(memberships -> memberships.stream()
                                    .anyMatch(m -> m.segmentId().equals(segment)))
                            .map(member -> member == add
                                    ? "would leave segment " + view.name() + " as it is: "
                                            + (add ? "already a member" : "not a member")
                                    : "would " + (add ? "add the customer to" : "remove the customer from")
                                            + " segment " + view.name()));
        }

        @Override
        public Uni<String> run(ActionCall call) {
            UUID segment = segmentOf(call);
            List<UUID> customer = List.of(call.requireCustomer());
            return (add ? segments.addMembers(segment, customer) : segments.removeMembers(segment, customer))
                    .map(result -> result.changed() == 0
                            ? (add ? "already a member of " : "not a member of ") + segment
                            : (add ? "added to segment " : "removed from segment ") + segment);
        }

        private static UUID segmentOf(ActionCall call) {
            return UUID.fromString(call.settings().get("segmentId").textValue());
        }
    }
}

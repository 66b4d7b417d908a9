package dev.rapport.customer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.rapport.customer.api.CustomerView;
import dev.rapport.platform.action.ActionCall;
import dev.rapport.platform.action.ActionSettings;
import dev.rapport.platform.action.ActionSource;
import dev.rapport.platform.action.ActionType;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import io.smallrye.mutiny.Uni;

/**
 * What triggers can do to the customer they fired for: add or remove tags, set a custom attribute, assign an owner
 * (one, or in turn from a list). Each computes its change from the customer as it is when it runs and makes it as a
 * merge patch through {@link CustomerService#change}, so it validates like an API update and appends
 * {@code customer.updated}; one that finds nothing to change changes nothing, and says so.
 */
@ApplicationScoped
class CustomerActions implements ActionSource {

    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_:.-]{1,50}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern OWNER = Pattern.compile("[^\\p{Cntrl}]{1,100}");

    private final CustomerService customers;
    private final ObjectMapper json;

    CustomerActions(CustomerService customers, ObjectMapper json) {
        this.customers = customers;
        this.json = json;
    }

    /** A change to make, as a merge patch (null for none), and what it does in words. */
    private record Decision(JsonNode patch, String summary) {}

    @Override
    public List<ActionType> actions() {
        return List.of(
                new CustomerAction(
                        "addTags",
                        "Adds tags to the customer. Settings: tags, a list of 1 to 20 tags.",
                        CustomerActions::checkTags,
                        (customer, call) -> tags(customer, call, true)),
                new CustomerAction(
                        "removeTags",
                        "Removes tags from the customer. Settings: tags, a list of 1 to 20 tags.",
                        CustomerActions::checkTags,
                        (customer, call) -> tags(customer, call, false)),
                new CustomerAction(
                        "setAttribute",
                        "Sets a custom attribute of the customer. Settings: key, and value (a string, number or "
                                + "boolean; null removes the attribute).",
                        CustomerActions::checkAttribute,
                        this::attribute),
                new CustomerAction(
                        "assignOwner",
                        "Makes a user the customer's owner. Settings: ownerId, or ownerIds (2 to 50 user ids) to "
                                + "assign in turn, one per firing.",
                        CustomerActions::checkOwner,
                        this::owner));
    }

    /** An action whose change is computed from the customer by {@code decide}. */
    private final class CustomerAction implements ActionType {

        private final String name;
        private final String description;
        private final Function<ActionSettings, List<FieldError>> check;
        private final BiFunction<CustomerView, ActionCall, Decision> decide;

        CustomerAction(
                String name,
                String description,
                Function<ActionSettings, List<FieldError>> check,
                BiFunction<CustomerView, ActionCall, Decision> decide) {
            this.name = name;
            this.description = description;
            this.check = check;
            this.decide = decide;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public Uni<List<FieldError>> check(JsonNode settings, String partnerId) {
            return Uni.createFrom().item(check.apply(ActionSettings.of(settings)));
        }

        @Override
        public Uni<String> preview(ActionCall call) {
            var id = call.requireCustomer();
            return customers.find(List.of(id)).map(found -> {
                CustomerView customer = found.get(id);
                if (customer == null) {
                    throw DomainException.notFound("customer", id);
                }
                return "would " + decide.apply(customer, call).summary();
            });
        }

        @Override
        public Uni<String> run(ActionCall call) {
            String[] summary = new String[1];
            return customers
                    .change(call.requireCustomer(), customer -> {
                        Decision decision = decide.apply(customer, call);
                        summary[0] = decision.summary();
                        return decision.patch();
                    })
                    .map(changed -> summary[0]);
        }
    }

    private static List<FieldError> checkTags(ActionSettings settings) {
        settings.texts("tags", 20, TAG, "1 to 50 letters, digits or _:.-");
        return settings.errors(Set.of("tags"));
    }

    private Decision tags(CustomerView customer, ActionCall call, boolean add) {
        Set<String> wanted = new LinkedHashSet<>();
        call.settings()
                .get("tags")
                .forEach(tag -> wanted.add(tag.textValue().trim().toLowerCase(Locale.ROOT)));
        Set<String> current = new LinkedHashSet<>(customer.tags());
        List<String> changing =
                wanted.stream().filter(tag -> current.contains(tag) != add).toList();
        if (changing.isEmpty()) {
            return new Decision(null, (add ? "add no tag: already tagged " : "remove no tag: not tagged ") + wanted);
        }
        if (add) {
            current.addAll(changing);
        } else {
            changing.forEach(current::remove);
        }
        ObjectNode patch = json.createObjectNode();
        patch.putArray("tags").addAll(current.stream().map(patch::textNode).toList());
        return new Decision(patch, (add ? "add tags " : "remove tags ") + changing);
    }

    private static List<FieldError> checkAttribute(ActionSettings settings) {
        settings.text("key", KEY, "letters, digits and underscores, starting with a letter (at most 64)");
        JsonNode value = settings.get("value");
        if (value == null) {
            settings.error("value", "is required (null removes the attribute)");
        } else if (!value.isNull() && !value.isValueNode()) {
            settings.error("value", "must be a string, number, boolean or null");
        }
        return settings.errors(Set.of("key", "value"));
    }

    private Decision attribute(CustomerView customer, ActionCall call) {
        String key = call.settings().get("key").textValue();
        JsonNode wanted = call.settings().get("value");
        Object stored =
                customer.attributes() == null ? null : customer.attributes().get(key);
        JsonNode current = stored == null ? json.nullNode() : json.valueToTree(stored);
        boolean same = current.isNumber() && wanted.isNumber()
                ? current.decimalValue().compareTo(wanted.decimalValue()) == 0
                : current.equals(wanted);
        if (same) {
            return new Decision(null, "leave attribute " + key + " as it is (" + current + ")");
        }
        ObjectNode patch = json.createObjectNode();
        patch.putObject("attributes").set(key, wanted);
        return new Decision(
                patch, wanted.isNull() ? "remove attribute " + key : "set attribute " + key + " to " + wanted);
    }

    private static List<FieldError> checkOwner(ActionSettings settings) {
        if (settings.has("ownerId") == settings.has("ownerIds")) {
            settings.error("ownerId", "give either ownerId or ownerIds");
        } else if (settings.has("ownerId")) {
            settings.text("ownerId", OWNER, "a user id of 1 to 100 characters");
        } else if (settings.texts("ownerIds", 50, OWNER, "a user id of 1 to 100 characters")
                        .size()
                == 1) {
            settings.error("ownerIds", "must name at least 2 users to take turns; use ownerId for one");
        }
        return settings.errors(Set.of("ownerId", "ownerIds"));
    }

    private Decision owner(CustomerView customer, ActionCall call) {
        JsonNode fixed = call.settings().get("ownerId");
        String owner;
        String how;
        if (fixed != null && fixed.isTextual()) {
            owner = fixed.textValue();
            how = "";
        } else {
            List<String> owners = new ArrayList<>();
            call.settings().get("ownerIds").forEach(id -> owners.add(id.textValue()));
            int turn = (int) Math.floorMod(call.sequence() - 1, (long) owners.size());
            owner = owners.get(turn);
            how = " (turn " + (turn + 1) + " of " + owners.size() + ")";
        }
        if (owner.equals(customer.ownerId())) {
            return new Decision(null, "keep owner " + owner + ": already the owner" + how);
        }
        ObjectNode patch = json.createObjectNode();
        patch.put("ownerId", owner);
        return new Decision(patch, "assign owner " + owner + how);
    }
}

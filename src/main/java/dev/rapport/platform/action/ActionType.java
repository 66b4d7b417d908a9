package dev.rapport.platform.action;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.platform.error.Problem.FieldError;
import io.smallrye.mutiny.Uni;

/**
 * One kind of action a trigger can take, such as {@code addTags}: how its settings are checked when a trigger is
 * defined, what it would do (a trigger's test), and doing it.
 *
 * <p>{@link #run} is called inside the transaction that records the action's outcome, after the firing committed:
 * make the change through the domain's service, which joins that transaction, so that the change and its outcome
 * commit together or not at all. After a failure the whole transaction rolls back and the action is called again
 * later (with backoff), so a run that failed half-way leaves nothing behind. A {@code DomainException} of a
 * request that can never succeed (not found, invalid) fails the action for good; anything else is retried. The
 * events the change appends carry the trigger run as their cause.
 */
public interface ActionType {

    /** The name triggers use, for example {@code addTags}. */
    String name();

    /** What it does and its settings, one sentence for the API documentation. */
    String description();

    /**
     * What is wrong with {@code settings} (a JSON object, maybe empty) for a trigger of the partner {@code partnerId}
     * (null: in-house), each error naming the setting, such as {@code tags}; empty when they are fine. It may read
     * the database, for example to see that a segment exists.
     */
    Uni<List<FieldError>> check(JsonNode settings, String partnerId);

    /** What the action would do for {@code call}, changing nothing: a trigger's test. */
    Uni<String> preview(ActionCall call);

    /** Does it, in the current transaction, and says what it did (for example "added tag vip"). */
    Uni<String> run(ActionCall call);
}

package dev.rapport.loyalty;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.loyalty.api.LoyaltyPostingRequest;
import dev.rapport.platform.action.ActionCall;
import dev.rapport.platform.action.ActionSettings;
import dev.rapport.platform.action.ActionSource;
import dev.rapport.platform.action.ActionType;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.error.ProblemType;
import dev.rapport.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * What a trigger can do with loyalty: award points to the customer's account in a program, as an {@code earn}
 * posting through {@link LoyaltyLedgerService} (so it counts towards tiers and is evented like any earning), once
 * per firing: the run and the action's place in the trigger are the posting's idempotency key.
 */
@ApplicationScoped
class LoyaltyActions implements ActionSource {

    private static final Pattern POINTS = Pattern.compile("[1-9][0-9]{0,8}");
    private static final Pattern REASON = Pattern.compile("[a-z0-9_.-]{1,64}");
    private static final Pattern NOTE = Pattern.compile("(?s)[^\\p{Cntrl}]{1,1000}");
    private static final Set<String> SETTINGS = Set.of("programId", "points", "reasonCode", "note");

    private final LoyaltyLedgerService ledger;
    private final LoyaltyAccountRepository accounts;
    private final LoyaltyProgramRepository programs;

    LoyaltyActions(LoyaltyLedgerService ledger, LoyaltyAccountRepository accounts, LoyaltyProgramRepository programs) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.programs = programs;
    }

    @Override
    public List<ActionType> actions() {
        return List.of(new AwardPoints());
    }

    private final class AwardPoints implements ActionType {

        @Override
        public String name() {
            return "awardPoints";
        }

        @Override
        public String description() {
            return "Awards points to the customer's account in a loyalty program (an earn posting, once per firing). "
                    + "Settings: programId, points (1 to 999,999,999), and optionally reasonCode (automation when "
                    + "omitted) and note. A customer not enrolled in the program fails the action.";
        }

        @Override
        public Uni<List<FieldError>> check(JsonNode settings, String partnerId) {
            ActionSettings read = ActionSettings.of(settings);
            UUID programId = read.id("programId");
            if (!read.has("points")
                    || !read.get("points").isIntegralNumber()
                    || !POINTS.matcher(read.get("points").asText()).matches()) {
                read.error("points", "must be a whole number from 1 to 999,999,999");
            }
            if (read.has("reasonCode")) {
                read.text("reasonCode", REASON, "1 to 64 lower-case letters, digits, _, . or -");
            }
            if (read.has("note")) {
                read.text("note", NOTE, "1 to 1,000 characters");
            }
            if (programId == null) {
                return Uni.createFrom().item(read.errors(SETTINGS));
            }
            return programs.findById(programId).map(program -> {
                if (program == null || !Caller.mayAccess(partnerId, program.partnerId) && program.partnerId != null) {
                    read.error("programId", "no such loyalty program");
                }
                return read.errors(SETTINGS);
            });
        }

        @Override
        public Uni<String> preview(ActionCall call) {
            call.requireCustomer();
            return Uni.createFrom()
                    .item("would award " + call.settings().get("points").asLong() + " points in program "
                            + call.settings().get("programId").asText());
        }

        @Override
        public Uni<String> run(ActionCall call) {
            UUID customerId = call.requireCustomer();
            UUID programId = UUID.fromString(call.settings().get("programId").asText());
            long points = call.settings().get("points").asLong();
            JsonNode settings = call.settings();
            return accounts.find("programId = ?1 and customerId = ?2", programId, customerId)
                    .firstResult()
                    .chain(account -> {
                        if (account == null) {
                            throw new DomainException(
                                    ProblemType.CONFLICT, "The customer is not enrolled in program " + programId);
                        }
                        LoyaltyPostingRequest request = new LoyaltyPostingRequest(
                                LoyaltyEntry.EARN,
                                points,
                                settings.hasNonNull("reasonCode")
                                        ? settings.get("reasonCode").textValue()
                                        : "automation",
                                settings.hasNonNull("note")
                                        ? settings.get("note").textValue()
                                        : null,
                                null,
                                null);
                        return ledger.post(account.id, request, "trigger-run:" + call.runId() + ":" + call.position());
                    })
                    .map(posting -> "awarded " + points + " points; balance "
                            + posting.account().balance());
        }
    }
}

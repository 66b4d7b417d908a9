package dev.rapport.loyalty;

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
import dev.rapport.loyalty.api.CreateLoyaltyProgramRequest;
import dev.rapport.loyalty.api.CustomerLoyalty;
import dev.rapport.loyalty.api.EnrollRequest;
import dev.rapport.loyalty.api.LoyaltyAccountPage;
import dev.rapport.loyalty.api.LoyaltyAccountView;
import dev.rapport.loyalty.api.LoyaltyEntryPage;
import dev.rapport.loyalty.api.LoyaltyExpiringView;
import dev.rapport.loyalty.api.LoyaltyPostingRequest;
import dev.rapport.loyalty.api.LoyaltyPostingView;
import dev.rapport.loyalty.api.LoyaltyProgramPage;
import dev.rapport.loyalty.api.LoyaltyProgramView;
import dev.rapport.loyalty.api.RewardCodeView;
import dev.rapport.loyalty.api.RewardOffer;
import dev.rapport.loyalty.api.RewardRedemptionView;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.security.Roles;
import dev.rapport.platform.web.GraphQLArguments;
import io.smallrye.mutiny.Uni;

/**
 * Loyalty in GraphQL: the same services, rules and error codes as REST. A posting takes its idempotency key as an
 * argument, kept with the entry as the REST header's is, so a retry from either answers the same posting.
 */
@GraphQLApi
public class LoyaltyGraphQLApi {

    private final LoyaltyProgramService programs;
    private final LoyaltyAccountService accounts;
    private final LoyaltyLedgerService ledger;
    private final LoyaltyRedemptionService redemptions;
    private final ObjectMapper json;

    LoyaltyGraphQLApi(
            LoyaltyProgramService programs,
            LoyaltyAccountService accounts,
            LoyaltyLedgerService ledger,
            LoyaltyRedemptionService redemptions,
            ObjectMapper json) {
        this.programs = programs;
        this.accounts = accounts;
        this.ledger = ledger;
        this.redemptions = redemptions;
        this.json = json;
    }

    @Query("loyaltyProgram")
    @Description("One loyalty program by id")
    @RolesAllowed(Roles.LOYALTY_READ)
    public Uni<LoyaltyProgramView> loyaltyProgram(@NonNull @Id String id) {
        return programs.get(GraphQLArguments.id(id));
    }

    @Query("loyaltyPrograms")
    @Description("Loyalty programs, oldest first, cursor-paged")
    @RolesAllowed(Roles.LOYALTY_READ)
    public Uni<LoyaltyProgramPage> loyaltyPrograms(
            @Description("Page size, 1 to 100") @DefaultValue("20") int limit,
            @Description("nextCursor of the previous page") String after) {
        return programs.list(PageRequest.of(Integer.toString(limit), after, LoyaltyProgramService.ORDER))
                .map(page -> new LoyaltyProgramPage(page.data(), page.nextCursor(), page.hasMore()));
    }

    @Query("loyaltyAccount")
    @Description("One loyalty account by id")
    @RolesAllowed(Roles.LOYALTY_READ)
    public Uni<LoyaltyAccountView> loyaltyAccount(@NonNull @Id String id) {
        return accounts.get(GraphQLArguments.id(id));
    }

    @Query("loyaltyAccounts")
    @Description(
            "A program's accounts, oldest enrolment first, cursor-paged, as GET /v1/loyalty/programs/{id}/accounts")
    @RolesAllowed(Roles.LOYALTY_READ)
    public Uni<LoyaltyAccountPage> loyaltyAccounts(
            @NonNull @Id String programId,
            @Description("Page size, 1 to 100") @DefaultValue("20") int limit,
            @Description("nextCursor of the previous page") String after) {
        return accounts.accountsOf(
                        GraphQLArguments.id(programId),
                        PageRequest.of(Integer.toString(limit), after, LoyaltyAccountService.ORDER))
                .map(page -> new LoyaltyAccountPage(page.data(), page.nextCursor(), page.hasMore()));
    }

    @Query("loyaltyCard")
    @Description("The account a card number belongs to; a replaced card is not found")
    @RolesAllowed(Roles.LOYALTY_READ)
    public Uni<LoyaltyAccountView> loyaltyCard(@NonNull @Description("The card number") String number) {
        return accounts.byCard(number);
    }

    @Name("transactions")
    @Description("The account's ledger, newest first (one account at a time)")
    @RolesAllowed(Roles.LOYALTY_READ)
    public Uni<LoyaltyEntryPage> transactions(
            @Source LoyaltyAccountView account,
            @Description("Page size, 1 to 100") @DefaultValue("20") int limit,
            @Description("nextCursor of the previous page") String after) {
        return ledger.entries(account.id(), PageRequest.of(Integer.toString(limit), after, LoyaltyLedgerService.ORDER))
                .map(page -> new LoyaltyEntryPage(page.data(), page.nextCursor(), page.hasMore()));
    }

    @Name("expiring")
    @Description("The account's points that expire within a period (one account at a time)")
    @RolesAllowed(Roles.LOYALTY_READ)
    public Uni<LoyaltyExpiringView> expiring(
            @Source LoyaltyAccountView account,
            @Description("ISO 8601 duration, up to P3660D") @DefaultValue("P30D") String within) {
        return ledger.expiring(account.id(), LoyaltyAccountResource.within(within));
    }

    @Name("loyalty")
    @Description("The loyalty domain's part of the 360 view: the customer's accounts and total balance")
    @RolesAllowed(Roles.LOYALTY_READ)
    public Uni<List<CustomerLoyalty>> customerLoyalty(@Source List<CustomerView> sources) {
        List<UUID> ids = sources.stream().map(CustomerView::id).toList();
        return accounts.forCustomers(ids)
                .map(parts -> ids.stream().map(parts::get).toList());
    }

    @Mutation("createLoyaltyProgram")
    @Description("Define a loyalty program")
    @RolesAllowed(Roles.LOYALTY_MANAGE)
    public Uni<LoyaltyProgramView> createLoyaltyProgram(@NonNull @Valid CreateLoyaltyProgramRequest input) {
        return programs.create(input);
    }

    @Mutation("updateLoyaltyProgram")
    @Description("Change a loyalty program with a JSON merge patch, as PATCH /v1/loyalty/programs/{id}")
    @RolesAllowed(Roles.LOYALTY_MANAGE)
    public Uni<LoyaltyProgramView> updateLoyaltyProgram(
            @NonNull @Id String id, @NonNull @Description("JSON merge patch") String patch, Long ifMatchVersion) {
        return programs.update(
                GraphQLArguments.id(id),
                GraphQLArguments.json(json, patch),
                ifMatchVersion == null ? null : ETags.of(ifMatchVersion));
    }

    @Mutation("deleteLoyaltyProgram")
    @Description("Delete a loyalty program without accounts; returns its id")
    @RolesAllowed(Roles.LOYALTY_MANAGE)
    @Id
    public Uni<String> deleteLoyaltyProgram(@NonNull @Id String id, Long ifMatchVersion) {
        return programs.delete(GraphQLArguments.id(id), ifMatchVersion == null ? null : ETags.of(ifMatchVersion))
                .replaceWith(id);
    }

    @Mutation("enrollLoyaltyAccount")
    @Description("Enroll a customer in a program: open their account and issue a card")
    @RolesAllowed(Roles.LOYALTY_WRITE)
    public Uni<LoyaltyAccountView> enrollLoyaltyAccount(
            @NonNull @Id String programId, @NonNull @Valid EnrollRequest input) {
        return accounts.enroll(GraphQLArguments.id(programId), input);
    }

    @Mutation("replaceLoyaltyCard")
    @Description("Issue the account a new card; the old number stops answering")
    @RolesAllowed(Roles.LOYALTY_WRITE)
    public Uni<LoyaltyAccountView> replaceLoyaltyCard(@NonNull @Id String accountId) {
        return accounts.replaceCard(GraphQLArguments.id(accountId));
    }

    @Mutation("postLoyaltyTransaction")
    @Description("Post to an account's ledger, once per idempotency key (the same keys as REST's Idempotency-Key)")
    @RolesAllowed(Roles.LOYALTY_WRITE)
    public Uni<LoyaltyPostingView> postLoyaltyTransaction(
            @NonNull @Id String accountId,
            @NonNull @Valid LoyaltyPostingRequest input,
            @NonNull @Description("Makes the posting happen once, however often it is sent") String idempotencyKey) {
        return ledger.post(GraphQLArguments.id(accountId), input, idempotencyKey);
    }

    @Name("rewards")
    @Description("The rewards the account can redeem now, and why the others are out of reach (one account at a time)")
    @RolesAllowed(Roles.LOYALTY_READ)
    public Uni<List<RewardOffer>> rewards(@Source LoyaltyAccountView account) {
        return redemptions.offers(account.id());
    }

    @Mutation("redeemLoyaltyReward")
    @Description("Redeem a reward for an account: the redeem entry, one from the stock and a unique code, once per key")
    @RolesAllowed(Roles.LOYALTY_WRITE)
    public Uni<RewardRedemptionView> redeemLoyaltyReward(
            @NonNull @Id String accountId,
            @NonNull @Id String rewardId,
            @NonNull @Description("Makes the redemption happen once, however often it is sent") String idempotencyKey) {
        return redemptions.redeem(GraphQLArguments.id(accountId), GraphQLArguments.id(rewardId), idempotencyKey);
    }

    @Mutation("useLoyaltyRewardCode")
    @Description("Mark a reward code used, once")
    @RolesAllowed(Roles.LOYALTY_WRITE)
    public Uni<RewardCodeView> useLoyaltyRewardCode(@NonNull String code) {
        return redemptions.use(code);
    }

    @Mutation("simulateLoyaltyTransaction")
    @Description("What a posting would do, writing nothing")
    @RolesAllowed(Roles.LOYALTY_READ)
    public Uni<LoyaltyPostingView> simulateLoyaltyTransaction(
            @NonNull @Id String accountId, @NonNull @Valid LoyaltyPostingRequest input) {
        return ledger.simulate(GraphQLArguments.id(accountId), input);
    }
}

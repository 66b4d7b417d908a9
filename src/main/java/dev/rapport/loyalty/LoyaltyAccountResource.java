package dev.rapport.loyalty;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.loyalty.api.LoyaltyAccountView;
import dev.rapport.loyalty.api.LoyaltyEntryPage;
import dev.rapport.loyalty.api.LoyaltyEntryView;
import dev.rapport.loyalty.api.LoyaltyExpiringView;
import dev.rapport.loyalty.api.LoyaltyPostingRequest;
import dev.rapport.loyalty.api.LoyaltyPostingView;
import dev.rapport.loyalty.api.RewardCodeView;
import dev.rapport.loyalty.api.RewardOffer;
import dev.rapport.loyalty.api.RewardRedemptionView;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.idempotency.IdempotentRequests;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageParameters;
import dev.rapport.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/** Accounts, their cards, ledgers and rewards. */
@Path("/v1/loyalty")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Loyalty")
public class LoyaltyAccountResource {

    private static final Duration MAX_WITHIN = Duration.ofDays(3660);

    private final LoyaltyAccountService accounts;
    private final LoyaltyLedgerService ledger;
    private final LoyaltyRedemptionService redemptions;

    LoyaltyAccountResource(
            LoyaltyAccountService accounts, LoyaltyLedgerService ledger, LoyaltyRedemptionService redemptions) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.redemptions = redemptions;
    }

    @GET
    @Path("accounts/{id}")
    @RolesAllowed(Roles.LOYALTY_READ)
    @Operation(operationId = "getLoyaltyAccount", summary = "Get a loyalty account: card, balance, tier")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = LoyaltyAccountView.class)))
    public Uni<LoyaltyAccountView> get(@PathParam("id") UUID id) {
        return accounts.get(id);
    }

    @GET
    @Path("cards/{number}")
    @RolesAllowed(Roles.LOYALTY_READ)
    @Operation(
            operationId = "getLoyaltyCard",
            summary = "The account a card belongs to, as a point of sale reads it",
            description = "Spaces and dashes in the number are ignored; a number whose check digit is wrong is 400, "
                    + "a replaced or unknown card 404.")
    @APIResponse(
            responseCode = "200",
            description = "Found",
            content = @Content(schema = @Schema(implementation = LoyaltyAccountView.class)))
    public Uni<LoyaltyAccountView> card(@PathParam("number") String number) {
        return accounts.byCard(number);
    }

    @POST
    @Path("accounts/{id}/card")
    @RolesAllowed(Roles.LOYALTY_WRITE)
    @Operation(
            operationId = "replaceLoyaltyCard",
            summary = "Replace the account's card",
            description = "Issues a new number; the account, its balance and ledger stay, and the old number stops "
                    + "answering for good.")
    @APIResponse(
            responseCode = "200",
            description = "The account with its new card",
            content = @Content(schema = @Schema(implementation = LoyaltyAccountView.class)))
    public Uni<LoyaltyAccountView> replaceCard(@PathParam("id") UUID id) {
        return accounts.replaceCard(id);
    }

    @GET
    @Path("accounts/{id}/transactions")
    @RolesAllowed(Roles.LOYALTY_READ)
    @Operation(operationId = "listLoyaltyTransactions", summary = "The account's ledger, newest first")
    @APIResponse(
            responseCode = "200",
            description = "A page of entries",
            content = @Content(schema = @Schema(implementation = LoyaltyEntryPage.class)))
    public Uni<Page<LoyaltyEntryView>> transactions(@PathParam("id") UUID id, @BeanParam PageParameters paging) {
        return ledger.entries(id, paging.page(LoyaltyLedgerService.ORDER));
    }

    @POST
    @Path("accounts/{id}/transactions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOYALTY_WRITE)
    @Operation(
            operationId = "postLoyaltyTransaction",
            summary = "Post to the account's ledger: earn, redeem, adjust, reverse or transfer",
            description = "Needs an Idempotency-Key, kept with the entry for good: a repeat answers the same posting "
                    + "(replayed: true), the same key with another posting is 422. A debit beyond the balance is 409 "
                    + "insufficient-points; nothing is written then.")
    @APIResponse(
            responseCode = "201",
            description = "Posted",
            content = @Content(schema = @Schema(implementation = LoyaltyPostingView.class)),
            headers = @Header(name = "Location", ref = "Location"))
    public Uni<Response> post(
            @PathParam("id") UUID id,
            @Parameter(
                            description = "Required: makes the posting happen once, however often it is sent",
                            required = true)
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Valid @NotNull LoyaltyPostingRequest request) {
        return ledger.post(id, request, idempotencyKey).map(posting -> {
            Response.ResponseBuilder response = Response.status(Response.Status.CREATED)
                    .entity(posting)
                    .location(java.net.URI.create("/v1/loyalty/accounts/" + id + "/transactions"));
            if (posting.replayed()) {
                response.header(IdempotentRequests.REPLAYED_HEADER, "true");
            }
            return response.build();
        });
    }

    @POST
    @Path("accounts/{id}/transactions/simulate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LOYALTY_READ)
    @Operation(
            operationId = "simulateLoyaltyTransaction",
            summary = "What a posting would do, writing nothing",
            description = "The same body as a posting; answers the entries, balance, tier, lots and points expiring "
                    + "soon it would leave, or the problem the posting would answer.")
    @APIResponse(
            responseCode = "200",
            description = "What would happen",
            content = @Content(schema = @Schema(implementation = LoyaltyPostingView.class)))
    public Uni<LoyaltyPostingView> simulate(@PathParam("id") UUID id, @Valid @NotNull LoyaltyPostingRequest request) {
        return ledger.simulate(id, request);
    }

    @GET
    @Path("accounts/{id}/expiring")
    @RolesAllowed(Roles.LOYALTY_READ)
    @Operation(operationId = "getLoyaltyExpiring", summary = "The account's points that expire within a period")
    @APIResponse(
            responseCode = "200",
            description = "The points and their lots",
            content = @Content(schema = @Schema(implementation = LoyaltyExpiringView.class)))
    public Uni<LoyaltyExpiringView> expiring(
            @PathParam("id") UUID id,
            @Parameter(description = "ISO 8601 duration, up to P3660D; P30D when omitted", example = "P30D")
                    @QueryParam("within")
                    String within) {
        return ledger.expiring(id, within(within));
    }

    @GET
    @Path("accounts/{id}/rewards")
    @RolesAllowed(Roles.LOYALTY_READ)
    @Operation(
            operationId = "listLoyaltyRewardOffers",
            summary = "The rewards the account can redeem now, and why the others are out of reach")
    @APIResponse(
            responseCode = "200",
            description = "The program's rewards, cheapest first",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RewardOffer.class)))
    public Uni<List<RewardOffer>> offers(@PathParam("id") UUID id) {
        return redemptions.offers(id);
    }

    @POST
    @Path("accounts/{id}/rewards/{rewardId}/redeem")
    @RolesAllowed(Roles.LOYALTY_WRITE)
    @Operation(
            operationId = "redeemLoyaltyReward",
            summary = "Redeem a reward: the redeem entry, one from the stock and a unique code, at once",
            description = "Needs an Idempotency-Key, kept with the entry: a repeat answers the same code. Out of "
                    + "reach (tier, segment, stock, limit, validity) is 409, points short 409 insufficient-points.")
    @APIResponse(
            responseCode = "201",
            description = "Redeemed",
            content = @Content(schema = @Schema(implementation = RewardRedemptionView.class)))
    public Uni<Response> redeem(
            @PathParam("id") UUID id,
            @PathParam("rewardId") UUID rewardId,
            @Parameter(
                            description = "Required: makes the redemption happen once, however often it is sent",
                            required = true)
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey) {
        return redemptions.redeem(id, rewardId, idempotencyKey).map(redeemed -> {
            Response.ResponseBuilder response =
                    Response.status(Response.Status.CREATED).entity(redeemed);
            if (redeemed.replayed()) {
                response.header(IdempotentRequests.REPLAYED_HEADER, "true");
            }
            return response.build();
        });
    }

    @POST
    @Path("reward-codes/{code}/use")
    @RolesAllowed(Roles.LOYALTY_WRITE)
    @Operation(
            operationId = "useLoyaltyRewardCode",
            summary = "Mark a reward code used",
            description = "Once: a second use is 409, an unknown code 404.")
    @APIResponse(
            responseCode = "200",
            description = "Used",
            content = @Content(schema = @Schema(implementation = RewardCodeView.class)))
    public Uni<RewardCodeView> use(@PathParam("code") String code) {
        return redemptions.use(code);
    }

    static Duration within(String within) {
        if (within == null) {
            return Duration.ofDays(30);
        }
        try {
            Duration duration = Duration.parse(within);
            if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_WITHIN) > 0) {
                throw DomainException.invalid("within", "must be a duration from PT1S to P3660D");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("within", "must be an ISO 8601 duration such as P30D");
        }
    }
}

package dev.rapport.loyalty;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.CustomerService;
import dev.rapport.customer.api.CustomerView;
import dev.rapport.event.EventLog;
import dev.rapport.loyalty.api.CustomerLoyalty;
import dev.rapport.loyalty.api.EnrollRequest;
import dev.rapport.loyalty.api.LoyaltyAccountView;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Accounts and cards: enrolment (one account per customer and program, in the customer's partner), lookups by id,
 * card and customer, and card replacement, which keeps the account and retires the old number for good.
 */
@ApplicationScoped
public class LoyaltyAccountService {

    static final dev.rapport.platform.paging.Sort ORDER = LoyaltyQueries.ACCOUNT_ORDER;

    private final LoyaltyAccountRepository accounts;
    private final LoyaltyProgramRepository programs;
    private final LoyaltyQueries queries;
    private final LoyaltyMapper mapper;
    private final CustomerService customers;
    private final EventLog events;
    private final Caller caller;
    private final Clock clock;

    LoyaltyAccountService(
            LoyaltyAccountRepository accounts,
            LoyaltyProgramRepository programs,
            LoyaltyQueries queries,
            LoyaltyMapper mapper,
            CustomerService customers,
            EventLog events,
            Caller caller,
            Clock clock) {
        this.accounts = accounts;
        this.programs = programs;
        this.queries = queries;
        this.mapper = mapper;
        this.customers = customers;
        this.events = events;
        this.caller = caller;
        this.clock = clock;
    }

    /** Enrolls a customer the caller may see in a program the caller may use; a second enrolment is a conflict. */
    @WithTransaction
    public Uni<LoyaltyAccountView> enroll(UUID programId, EnrollRequest request) {
        String scope = caller.partnerScope();
        return programs.findById(programId).chain(program -> {
            if (program == null || (program.partnerId != null && !program.partnerId.equals(scope))) {
                throw DomainException.notFound("loyalty program", programId);
            }
            return customers.find(List.of(request.customerId())).chain(found -> {
                CustomerView customer = found.get(request.customerId());
                if (customer == null) {
                    throw DomainException.notFound("customer", request.customerId());
                }
                if (program.partnerId != null && !program.partnerId.equals(customer.partnerId())) {
                    throw DomainException.invalid("customerId", "the program is a partner's own: its customers only");
                }
                return accounts.enrolled(programId, customer.id()).chain(enrolled -> {
                    if (enrolled) {
                        throw DomainException.conflict("The customer is enrolled in this program already");
                    }
                    return open(program, customer);
                });
            });
        });
    }

    /** Opens the customer's account in the program, in its first tier, with a new card. */
    private Uni<LoyaltyAccountView> open(LoyaltyProgram program, CustomerView customer) {
        OffsetDateTime now = Clocks.now(clock);
        LoyaltyAccount account = new LoyaltyAccount();
        account.id = Ids.newId();
        account.programId = program.id;
        account.customerId = customer.id();
        account.partnerId = customer.partnerId();
        account.cardNumber = LoyaltyCards.newNumber();
        account.enrolledAt = now;
        account.updatedAt = now;
        LoyaltyTiers.enroll(program, account, now);
        return accounts.persistAndFlush(account)
                .chain(() -> accounts.issueCard(account.id, account.cardNumber, now))
                .chain(() -> events.append(
                        LoyaltyEvent.ACCOUNT_ENROLLED,
                        LoyaltyEvent.ACCOUNT,
                        account.id,
                        account.partnerId,
                        new LoyaltyEvent.AccountChanged(
                                account.id, account.customerId, program.id, account.cardNumber, null, account.tier)))
                .map(nothing -> mapper.toView(account));
    }

    /** An account, with where it stands towards the next tier. */
    public Uni<LoyaltyAccountView> get(UUID id) {
        return queries.account(id, caller.partnerScope()).chain(found -> {
            LoyaltyAccountView account = found(found, id);
            return queries.program(account.programId(), null).chain(program -> {
                if (program.tiers().isEmpty()) {
                    return Uni.createFrom().item(account);
                }
                OffsetDateTime since = Clocks.now(clock)
                        .minus(java.time.Period.parse(program.qualification().period()));
                Uni<Long> qualifying =
                        LoyaltyRecords.SPEND.equals(program.qualification().basis())
                                ? customers
                                        .spendSince(account.customerId(), program.currency(), since)
                                        .map(spend -> spend.max(java.math.BigDecimal.ZERO)
                                                .setScale(0, java.math.RoundingMode.DOWN)
                                                .longValueExact())
                                : queries.pointsEarned(account.id(), since);
                return qualifying.chain(value -> queries.reviewAt(account.id())
                        .map(reviewAt -> withProgress(
                                account, LoyaltyTiers.progress(program, account.tier(), value, reviewAt))));
            });
        });
    }

    private static LoyaltyAccountView withProgress(
            LoyaltyAccountView account, dev.rapport.loyalty.api.LoyaltyTierProgress progress) {
        return new LoyaltyAccountView(
                account.id(),
                account.programId(),
                account.customerId(),
                account.cardNumber(),
                account.balance(),
                account.pendingPoints(),
                account.lifetimeEarned(),
                account.tier(),
                account.tierSince(),
                account.partnerId(),
                account.enrolledAt(),
                account.updatedAt(),
                progress);
    }

    /** The account a card number names, as a point of sale reads it; a replaced or mistyped card is not found. */
    public Uni<LoyaltyAccountView> byCard(String number) {
        String normalized = LoyaltyCards.normalized(number);
        if (normalized == null) {
            throw DomainException.invalid("number", "must be a 16-digit card number with a valid check digit");
        }
        return queries.byCard(normalized, caller.partnerScope()).map(account -> found(account, number));
    }

    /** A customer's accounts, after checking the caller may see the customer. */
    public Uni<List<LoyaltyAccountView>> ofCustomer(UUID customerId) {
        return customers.find(List.of(customerId)).chain(found -> {
            if (!found.containsKey(customerId)) {
                throw DomainException.notFound("customer", customerId);
            }
            return queries.ofCustomers(List.of(customerId), caller.partnerScope());
        });
    }

    /** The loyalty part of each customer's 360 view (a batch: one statement). */
    public Uni<Map<UUID, CustomerLoyalty>> forCustomers(List<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return queries.ofCustomers(customerIds, caller.partnerScope()).map(views -> {
            Map<UUID, List<LoyaltyAccountView>> byCustomer =
                    views.stream().collect(Collectors.groupingBy(LoyaltyAccountView::customerId));
            return customerIds.stream().distinct().collect(Collectors.toMap(id -> id, id -> {
                List<LoyaltyAccountView> own = byCustomer.getOrDefault(id, List.of());
                return new CustomerLoyalty(
                        own.stream().mapToLong(LoyaltyAccountView::balance).sum(), own);
            }));
        });
    }

    public Uni<Page<LoyaltyAccountView>> accountsOf(UUID programId, PageRequest page) {
        return queries.program(programId, caller.partnerScope()).chain(program -> {
            if (program == null) {
                throw DomainException.notFound("loyalty program", programId);
            }
            return queries.accountsOf(programId, caller.partnerScope(), page);
        });
    }

    /** Issues the account a new card; the old number stops answering and is never issued again. */
    @WithTransaction
    public Uni<LoyaltyAccountView> replaceCard(UUID accountId) {
        return accounts.findVisible(accountId, caller.partnerScope(), true).chain(account -> {
            found(account, accountId);
            OffsetDateTime now = Clocks.now(clock);
            String old = account.cardNumber;
            String number = LoyaltyCards.newNumber();
            account.cardNumber = number;
            account.updatedAt = now;
            return accounts.replaceCard(old, now)
                    .chain(() -> accounts.flush())
                    .chain(() -> accounts.issueCard(account.id, number, now))
                    .chain(() -> events.append(
                            LoyaltyEvent.CARD_REPLACED,
                            LoyaltyEvent.ACCOUNT,
                            account.id,
                            account.partnerId,
                            new LoyaltyEvent.AccountChanged(
                                    account.id, account.customerId, account.programId, number, old, account.tier)))
                    .map(nothing -> mapper.toView(account));
        });
    }

    private static <T> T found(T account, Object id) {
        if (account == null) {
            throw DomainException.notFound("loyalty account", id);
        }
        return account;
    }
}

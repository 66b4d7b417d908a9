package dev.rapport.loyalty;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;

import dev.rapport.event.EventLog;
import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.db.Background;
import dev.rapport.platform.db.NativeValues;
import dev.rapport.platform.time.Clocks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * The loyalty jobs, every {@code rapport.loyalty.poll-interval}: pending points whose return window passed are
 * posted, lots whose time came expire (one {@code expire} entry per lot), and {@code loyalty.points_expiring} tells
 * of lots the program's notice days ahead, once per lot. Each job is a transaction that locks the accounts it
 * posts to, after which it reads again what it found due: on several replicas a second job finds it done.
 */
@ApplicationScoped
public class LoyaltyJobs {

    private static final String EXPIRED_ACCOUNTS = """
            select distinct cast(account_id as text) from loyalty_lot
            where remaining > 0 and expires_at is not null and expires_at <= :now limit :limit
            """;
    private static final String CLAIM_NOTICES = """
            with due as (
                select l.id from loyalty_lot l
                join loyalty_account a on a.id = l.account_id
                join loyalty_program p on p.id = a.program_id
                where l.remaining > 0 and l.expires_at is not null and l.expires_at > :now and l.noticed_at is null
                  and l.expires_at <= cast(:now as timestamptz) + make_interval(days => cast(p.expiry ->> 'noticeDays' as int))
                order by l.expires_at limit :limit
                for update of l skip locked)
            update loyalty_lot l set noticed_at = :now from due where l.id = due.id
            returning cast(l.account_id as text), l.remaining, l.expires_at
            """;

    private final LoyaltyAccountRepository accounts;
    private final LoyaltyProgramRepository programs;
    private final LoyaltyLedgerRepository lots;
    private final LoyaltyAwardRepository awards;
    private final LoyaltyEngine engine;
    private final LoyaltyLedgerService ledger;
    private final LoyaltyTiers tiers;
    private final EventLog events;
    private final RapportConfig.Loyalty config;
    private final Clock clock;
    private final Background background;

    LoyaltyJobs(
            LoyaltyAccountRepository accounts,
            LoyaltyProgramRepository programs,
            LoyaltyLedgerRepository lots,
            LoyaltyAwardRepository awards,
            LoyaltyEngine engine,
            LoyaltyLedgerService ledger,
            LoyaltyTiers tiers,
            EventLog events,
            RapportConfig config,
            Clock clock,
            Vertx vertx) {
        this.accounts = accounts;
        this.programs = programs;
        this.lots = lots;
        this.awards = awards;
        this.engine = engine;
        this.ledger = ledger;
        this.tiers = tiers;
        this.events = events;
        this.config = config.loyalty();
        this.clock = clock;
        this.background = new Background("loyalty-jobs", vertx, this::run);
    }

    @Scheduled(every = "${rapport.loyalty.poll-interval:PT1S}", delayed = "1s")
    void poll() {
        if (config.enabled()) {
            background.wake();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        background.stop();
    }

    /** One round of the jobs; true when one had a full batch (more may be due). */
    Uni<Boolean> run() {
        return Panache.withTransaction(this::activate)
                .chain(activated -> Panache.withTransaction(this::expire)
                        .chain(expired -> Panache.withTransaction(this::announce)
                                .chain(announced -> Panache.withTransaction(this::review)
                                        .map(reviewed -> activated || expired || announced || reviewed))));
    }

    /** Reviews the tiers of the accounts whose period in their tier ended. */
    private Uni<Boolean> review() {
        OffsetDateTime now = Clocks.now(clock);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select cast(id as text) from loyalty_account where tier_review_at <= :now"
                                        + " order by id limit :limit",
                                String.class)
                        .setParameter("now", now)
                        .setParameter("limit", config.batchSize())
                        .getResultList())
                .chain(ids -> {
                    Uni<Void> reviewed = Uni.createFrom().voidItem();
                    for (String id : ids) {
                        reviewed = reviewed.chain(() -> accounts.findById(
                                        UUID.fromString(id), LockModeType.PESSIMISTIC_WRITE)
                                .chain(account -> programs.findById(account.programId)
                                        .chain(program -> tiers.review(program, account))));
                    }
                    return reviewed.map(nothing -> ids.size() == config.batchSize());
                });
    }

    /** Posts the pending points whose return window passed. */
    private Uni<Boolean> activate() {
        OffsetDateTime now = Clocks.now(clock);
        return awards.due(now, config.batchSize()).chain(due -> {
            Uni<Void> posted = Uni.createFrom().voidItem();
            for (LoyaltyAwardRepository.Award found : due) {
                posted = posted.chain(() -> accounts.findById(found.accountId(), LockModeType.PESSIMISTIC_WRITE)
                        .chain(account -> awards.find(account.id, found.purchaseId())
                                .chain(award -> {
                                    if (award == null || !LoyaltyAwardRepository.PENDING.equals(award.status())) {
                                        return Uni.createFrom().voidItem();
                                    }
                                    long points = award.points() - award.refundedPoints();
                                    account.pending -= points;
                                    account.updatedAt = now;
                                    return engine.post(account, award.purchaseId(), points, null);
                                })));
            }
            return posted.map(nothing -> due.size() == config.batchSize());
        });
    }

    /** Expires what is left of every lot whose time came, one entry per lot. */
    private Uni<Boolean> expire() {
        OffsetDateTime now = Clocks.now(clock);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(EXPIRED_ACCOUNTS, String.class)
                        .setParameter("now", now)
                        .setParameter("limit", config.batchSize())
                        .getResultList())
                .chain(ids -> {
                    Uni<Void> expired = Uni.createFrom().voidItem();
                    for (String id : ids.stream().sorted().toList()) {
                        expired = expired.chain(() -> expireAccount(UUID.fromString(id), now));
                    }
                    return expired.map(nothing -> ids.size() == config.batchSize());
                });
    }

    private Uni<Void> expireAccount(UUID accountId, OffsetDateTime now) {
        return accounts.findById(accountId, LockModeType.PESSIMISTIC_WRITE)
                .chain(account -> programs.findById(account.programId)
                        .chain(program -> lots.openLots(account.id).chain(open -> {
                            Uni<Void> expired = Uni.createFrom().voidItem();
                            for (LoyaltyLot lot : open) {
                                if (lot.expiresAt != null && !lot.expiresAt.isAfter(now)) {
                                    expired = expired.chain(() -> ledger.writeFor(
                                                    LoyaltyPostings.expire(program, account, open, lot, now))
                                            .replaceWithVoid());
                                }
                            }
                            return expired;
                        })));
    }

    /** Appends {@code loyalty.points_expiring} for the lots entering their program's notice days, once per lot. */
    private Uni<Boolean> announce() {
        OffsetDateTime now = Clocks.now(clock);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM_NOTICES, Object[].class)
                        .setParameter("now", now)
                        .setParameter("limit", config.batchSize())
                        .getResultList())
                .chain(rows -> {
                    Map<UUID, List<LoyaltyEvent.ExpiringLot>> byAccount = new LinkedHashMap<>();
                    for (Object[] row : rows) {
                        byAccount
                                .computeIfAbsent(UUID.fromString((String) row[0]), id -> new ArrayList<>())
                                .add(new LoyaltyEvent.ExpiringLot(
                                        ((Number) row[1]).longValue(), NativeValues.time(row[2])));
                    }
                    if (byAccount.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    // the accounts of all the lots at once (a multi-load), then one event per account
                    return Panache.getSession()
                            .chain(session -> session.find(
                                    LoyaltyAccount.class, byAccount.keySet().toArray()))
                            .chain(found -> {
                                Uni<Void> announced = Uni.createFrom().voidItem();
                                for (LoyaltyAccount account : found) {
                                    announced = announced.chain(() -> events.append(
                                                    LoyaltyEvent.POINTS_EXPIRING,
                                                    LoyaltyEvent.ACCOUNT,
                                                    account.id,
                                                    account.partnerId,
                                                    LoyaltyEvent.Expiring.of(account, byAccount.get(account.id)))
                                            .replaceWithVoid());
                                }
                                return announced;
                            })
                            .map(nothing -> rows.size() == config.batchSize());
                });
    }
}

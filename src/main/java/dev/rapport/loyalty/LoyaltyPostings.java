package dev.rapport.loyalty;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.rapport.loyalty.api.LoyaltyPostingRequest;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.error.ProblemType;

/**
 * What a posting does, worked out before anything is written, from the accounts, their lots and (for a reversal)
 * the entry reversed: simulate answers it, post writes it, so the two cannot disagree. Refusals are the problems a
 * caller sees: a debit beyond the balance is {@code insufficient-points}, a reversal beyond what is left to reverse
 * a conflict.
 */
final class LoyaltyPostings {

    /** One account's side of a posting: its entry, the lots it takes points from and the lots it makes. */
    record Line(
            LoyaltyAccount account,
            String tierBefore,
            List<LoyaltyLot> lots,
            String type,
            long points,
            long balanceAfter,
            List<LoyaltyLedger.Take> takes,
            List<LoyaltyLedger.NewLot> made,
            long lifetimeEarned,
            long expiringSoon) {}

    /** A posting: one line, or for a transfer the sending and the receiving account's. */
    record Plan(LoyaltyPostingRequest request, List<Line> lines, OffsetDateTime at, Origin origin) {

        /** The same posting, caused by {@code origin}. */
        Plan from(Origin origin) {
            return new Plan(request, lines, at, origin);
        }
    }

    /** What caused a posting the service makes itself: a purchase and the rules it matched, or a lot expiring. */
    record Origin(UUID purchaseId, UUID lotId, List<LoyaltyRecords.Contribution> rules) {

        static final Origin NONE = new Origin(null, null, null);
    }

    /** What a reversal reverses: the entry, what earlier reversals took back, and its lots or takes. */
    record Reversed(LoyaltyEntry entry, long reversedBefore, Set<UUID> lots, List<LoyaltyLedger.Take> takes) {}

    private LoyaltyPostings() {}

    /** The request's own mistakes, before any account is read. */
    static void check(UUID accountId, LoyaltyPostingRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Long points = request.points();
        String type = request.type();
        switch (type) {
            case LoyaltyEntry.ADJUST -> {
                if (points == null || points == 0) {
                    errors.add(new FieldError("points", "adjust needs points, positive or negative, not 0"));
                }
            }
            case LoyaltyEntry.REVERSE -> {
                if (request.reverses() == null) {
                    errors.add(new FieldError("reverses", "reverse needs the entry it reverses"));
                }
                if (points != null && points <= 0) {
                    errors.add(new FieldError("points", "must be positive: how many points to reverse"));
                }
            }
            default -> {
                if (points == null || points <= 0) {
                    errors.add(new FieldError("points", type + " needs a positive number of points"));
                }
            }
        }
        if (!LoyaltyEntry.REVERSE.equals(type) && request.reverses() != null) {
            errors.add(new FieldError("reverses", "only a reverse names an entry it reverses"));
        }
        if (LoyaltyEntry.TRANSFER.equals(type)) {
            if (request.toAccountId() == null) {
                errors.add(new FieldError("toAccountId", "transfer needs the receiving account"));
            } else if (request.toAccountId().equals(accountId)) {
                errors.add(new FieldError("toAccountId", "must be another account"));
            }
        } else if (request.toAccountId() != null) {
            errors.add(new FieldError("toAccountId", "only a transfer names a receiving account"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    /**
     * Works out a posting to {@code account} (and {@code target} for a transfer) of {@code program}, given the
     * accounts' open lots and, for a reversal, what it reverses.
     */
    static Plan plan(
            LoyaltyPostingRequest request,
            LoyaltyProgram program,
            LoyaltyAccount account,
            List<LoyaltyLot> lots,
            LoyaltyAccount target,
            List<LoyaltyLot> targetLots,
            Reversed reversed,
            OffsetDateTime at) {
        String type = request.type();
        List<Line> lines = new ArrayList<>();
        switch (type) {
            case LoyaltyEntry.EARN -> lines.add(credit(program, account, lots, type, request.points(), at, true));
            case LoyaltyEntry.REDEEM ->
                lines.add(debit(program, account, lots, type, request.points(), Set.of(), 0, at));
            case LoyaltyEntry.ADJUST ->
                lines.add(
                        request.points() > 0
                                ? credit(program, account, lots, type, request.points(), at, false)
                                : debit(program, account, lots, type, -request.points(), Set.of(), 0, at));
            case LoyaltyEntry.TRANSFER -> {
                if (target == null) {
                    throw DomainException.invalid("toAccountId", "no such account");
                }
                if (!target.programId.equals(account.programId)) {
                    throw DomainException.invalid("toAccountId", "must be an account of the same program");
                }
                Line sent = debit(program, account, lots, type, request.points(), Set.of(), 0, at);
                List<LoyaltyLedger.NewLot> made = LoyaltyLedger.mirror(sent.takes());
                lines.add(sent);
                lines.add(line(program, target, targetLots, type, request.points(), List.of(), made, 0, at));
            }
            case LoyaltyEntry.REVERSE -> lines.add(reverse(program, account, lots, request, reversed, at));
            default -> throw new IllegalArgumentException(type);
        }
        return new Plan(request, lines, at, Origin.NONE);
    }

    /** The expiry of what is left of {@code lot}, one of the account's open {@code lots}. */
    static Plan expire(
            LoyaltyProgram program, LoyaltyAccount account, List<LoyaltyLot> lots, LoyaltyLot lot, OffsetDateTime at) {
        List<LoyaltyLedger.Take> takes =
                List.of(new LoyaltyLedger.Take(lot.id, lot.remaining, lot.earnedAt, lot.expiresAt));
        Line line = line(program, account, lots, LoyaltyEntry.EXPIRE, -lot.remaining, takes, List.of(), 0, at);
        LoyaltyPostingRequest request =
                new LoyaltyPostingRequest(LoyaltyEntry.EXPIRE, lot.remaining, "expiry", null, null, null);
        return new Plan(request, List.of(line), at, new Origin(null, lot.id, null));
    }

    private static Line reverse(
            LoyaltyProgram program,
            LoyaltyAccount account,
            List<LoyaltyLot> lots,
            LoyaltyPostingRequest request,
            Reversed reversed,
            OffsetDateTime at) {
        LoyaltyEntry original = reversed == null ? null : reversed.entry();
        if (original == null || !original.accountId.equals(account.id)) {
            throw DomainException.invalid("reverses", "no such entry in this account's ledger");
        }
        if (!Set.of(LoyaltyEntry.EARN, LoyaltyEntry.REDEEM, LoyaltyEntry.ADJUST).contains(original.type)) {
            throw DomainException.conflict("A " + original.type + " entry is not reversed"
                    + (LoyaltyEntry.TRANSFER.equals(original.type) ? "; transfer the points back instead" : ""));
        }
        long left = Math.abs(original.points) - reversed.reversedBefore();
        if (left == 0) {
            throw DomainException.conflict("The entry is reversed in full already");
        }
        long points = request.points() == null ? left : request.points();
        if (points > left) {
            throw DomainException.conflict(
                    "Only " + left + " points of the entry are left to reverse; a reversal never exceeds the original");
        }
        long lifetime = LoyaltyEntry.EARN.equals(original.type) ? -points : 0;
        if (original.points > 0) {
            return debit(program, account, lots, LoyaltyEntry.REVERSE, points, reversed.lots(), lifetime, at);
        }
        List<LoyaltyLedger.NewLot> made = LoyaltyLedger.giveBack(reversed.takes(), reversed.reversedBefore(), points);
        return line(program, account, lots, LoyaltyEntry.REVERSE, points, List.of(), made, 0, at);
    }

    private static Line credit(
            LoyaltyProgram program,
            LoyaltyAccount account,
            List<LoyaltyLot> lots,
            String type,
            long points,
            OffsetDateTime at,
            boolean earned) {
        OffsetDateTime expires = LoyaltyExpiry.expiresAt(program.expiry, ZoneId.of(program.timeZone), at);
        List<LoyaltyLedger.NewLot> made = List.of(new LoyaltyLedger.NewLot(points, at, expires));
        return line(program, account, lots, type, points, List.of(), made, earned ? points : 0, at);
    }

    private static Line debit(
            LoyaltyProgram program,
            LoyaltyAccount account,
            List<LoyaltyLot> lots,
            String type,
            long points,
            Set<UUID> first,
            long lifetime,
            OffsetDateTime at) {
        List<LoyaltyLedger.Take> takes = LoyaltyLedger.take(ledgerLots(lots), points, first);
        if (takes == null) {
            throw new DomainException(
                    ProblemType.INSUFFICIENT_POINTS,
                    "The account holds " + account.balance + " points; " + type + " of " + points
                            + " would take it below zero");
        }
        return line(program, account, lots, type, -points, takes, List.of(), lifetime, at);
    }

    private static Line line(
            LoyaltyProgram program,
            LoyaltyAccount account,
            List<LoyaltyLot> lots,
            String type,
            long points,
            List<LoyaltyLedger.Take> takes,
            List<LoyaltyLedger.NewLot> made,
            long lifetime,
            OffsetDateTime at) {
        Map<UUID, Long> taken = new HashMap<>();
        takes.forEach(take -> taken.merge(take.lotId(), take.points(), Long::sum));
        List<LoyaltyLedger.Lot> after = new ArrayList<>();
        for (LoyaltyLot lot : lots) {
            after.add(new LoyaltyLedger.Lot(
                    lot.id, lot.remaining - taken.getOrDefault(lot.id, 0L), lot.earnedAt, lot.expiresAt));
        }
        made.forEach(lot -> after.add(new LoyaltyLedger.Lot(null, lot.points(), lot.earnedAt(), lot.expiresAt())));
        long soon = LoyaltyLedger.expiringBy(after, at.plusDays(program.expiry.noticeDays()));
        return new Line(
                account, account.tier, lots, type, points, account.balance + points, takes, made, lifetime, soon);
    }

    static List<LoyaltyLedger.Lot> ledgerLots(List<LoyaltyLot> lots) {
        return lots.stream()
                .map(lot -> new LoyaltyLedger.Lot(lot.id, lot.remaining, lot.earnedAt, lot.expiresAt))
                .toList();
    }
}

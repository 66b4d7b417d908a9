package dev.rapport.loyalty;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.event.EventLog;
import dev.rapport.loyalty.api.CreateLoyaltyProgramRequest;
import dev.rapport.loyalty.api.LoyaltyProgramView;
import dev.rapport.loyalty.api.LoyaltyTier;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.json.MergePatches;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Loyalty programs. A partner defines and sees its own and uses the in-house ones, which only staff change. A tier
 * accounts are in cannot be removed, and a program with accounts cannot be deleted.
 */
@ApplicationScoped
public class LoyaltyProgramService {

    static final dev.rapport.platform.paging.Sort ORDER = LoyaltyQueries.PROGRAM_ORDER;

    private final LoyaltyProgramRepository programs;
    private final LoyaltyQueries queries;
    private final LoyaltyMapper mapper;
    private final EventLog events;
    private final MergePatches patches;
    private final Caller caller;
    private final Clock clock;

    LoyaltyProgramService(
            LoyaltyProgramRepository programs,
            LoyaltyQueries queries,
            LoyaltyMapper mapper,
            EventLog events,
            MergePatches patches,
            Caller caller,
            Clock clock) {
        this.programs = programs;
        this.queries = queries;
        this.mapper = mapper;
        this.events = events;
        this.patches = patches;
        this.caller = caller;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<LoyaltyProgramView> create(CreateLoyaltyProgramRequest request) {
        patches.validate(request);
        check(request);
        OffsetDateTime now = Clocks.now(clock);
        LoyaltyProgram program = new LoyaltyProgram();
        program.id = Ids.newId();
        program.partnerId = caller.partnerScope();
        program.createdAt = now;
        program.updatedAt = now;
        set(program, request);
        return programs.persist(program).chain(() -> {
            LoyaltyProgramView view = mapper.toView(program);
            return events.append(
                            LoyaltyEvent.PROGRAM_CREATED, LoyaltyEvent.PROGRAM, program.id, program.partnerId, view)
                    .replaceWith(view);
        });
    }

    public Uni<LoyaltyProgramView> get(UUID id) {
        return queries.program(id, caller.partnerScope()).map(view -> {
            if (view == null) {
                throw DomainException.notFound("loyalty program", id);
            }
            return view;
        });
    }

    public Uni<Page<LoyaltyProgramView>> list(PageRequest page) {
        return queries.programs(caller.partnerScope(), page);
    }

    @WithTransaction
    public Uni<LoyaltyProgramView> update(UUID id, JsonNode patch, String ifMatch) {
        return managed(id)
                .chain(program -> {
                    ETags.checkIfMatch(ifMatch, program.version);
                    MergePatches.Patched<CreateLoyaltyProgramRequest> patched =
                            patches.apply(mapper.toRequest(program), patch);
                    if (!patched.changed()) {
                        return Uni.createFrom().item(mapper.toView(program));
                    }
                    CreateLoyaltyProgramRequest request = patched.value();
                    check(request);
                    Set<String> kept = new HashSet<>();
                    if (request.tiers() != null) {
                        request.tiers().forEach(tier -> kept.add(tier.key()));
                    }
                    List<String> removed = program.tiers.items().stream()
                            .map(LoyaltyRecords.Tier::key)
                            .filter(key -> !kept.contains(key))
                            .toList();
                    Uni<Void> checked = removed.isEmpty()
                            ? Uni.createFrom().voidItem()
                            : programs.tiersInUse(id, removed).map(used -> {
                                if (!used.isEmpty()) {
                                    throw DomainException.conflict("Accounts are in the tiers "
                                            + String.join(", ", used) + "; keep those tiers");
                                }
                                return null;
                            });
                    return checked.chain(() -> {
                        set(program, request);
                        program.updatedAt = Clocks.now(clock);
                        return programs.flush().chain(() -> {
                            LoyaltyProgramView view = mapper.toView(program);
                            return events.append(
                                            LoyaltyEvent.PROGRAM_UPDATED,
                                            LoyaltyEvent.PROGRAM,
                                            id,
                                            program.partnerId,
                                            new LoyaltyEvent.ProgramUpdated(id, patched.changedFields(), view))
                                    .replaceWith(view);
                        });
                    });
                })
                .onFailure()
                .transform(e -> ETags.whenStale(e, ifMatch));
    }

    @WithTransaction
    public Uni<Void> delete(UUID id, String ifMatch) {
        return managed(id)
                .chain(program -> {
                    ETags.checkIfMatch(ifMatch, program.version);
                    return programs.accountsIn(id).chain(count -> {
                        if (count > 0) {
                            throw DomainException.conflict(
                                    count + " accounts are in this program; a program with accounts stays");
                        }
                        return programs.delete(program)
                                .chain(() -> events.append(
                                        LoyaltyEvent.PROGRAM_DELETED,
                                        LoyaltyEvent.PROGRAM,
                                        id,
                                        program.partnerId,
                                        new LoyaltyEvent.ProgramDeleted(id, program.name)))
                                .replaceWithVoid();
                    });
                })
                .onFailure()
                .transform(e -> ETags.whenStale(e, ifMatch));
    }

    /** A program the caller may change: its partner's own, or any for staff; else not-found. */
    private Uni<LoyaltyProgram> managed(UUID id) {
        String scope = caller.partnerScope();
        return programs.findById(id, LockModeType.PESSIMISTIC_WRITE)
                .map(program -> LoyaltyDefinitions.managed(
                        program, program == null ? null : program.partnerId, scope, "loyalty program", id));
    }

    private void set(LoyaltyProgram program, CreateLoyaltyProgramRequest request) {
        program.name = request.name().trim();
        program.pointsName = request.pointsName().trim();
        program.currency = request.currency();
        program.timeZone = request.timeZone() == null ? "UTC" : request.timeZone();
        program.tiers = mapper.tiers(request.tiers());
        program.qualification = mapper.qualification(request.qualification());
        program.expiry = mapper.expiry(request.expiry());
        program.pendingDays = request.pendingDays() == null ? 0 : request.pendingDays();
    }

    private static void check(CreateLoyaltyProgramRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.timeZone() != null) {
            try {
                ZoneId.of(request.timeZone());
            } catch (DateTimeException e) {
                errors.add(new FieldError("timeZone", "must be an IANA time zone such as Europe/Berlin"));
            }
        }
        List<LoyaltyTier> tiers = request.tiers() == null ? List.of() : request.tiers();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            if (!keys.add(tiers.get(i).key())) {
                errors.add(new FieldError("tiers[" + i + "].key", "another tier has the key already"));
            }
            if (i > 0 && tiers.get(i).threshold() <= tiers.get(i - 1).threshold()) {
                errors.add(new FieldError(
                        "tiers[" + i + "].threshold", "must be above the threshold of the tier before it"));
            }
        }
        if (request.qualification() != null && isZero(request.qualification().period())) {
            errors.add(new FieldError("qualification.period", "must be longer than nothing"));
        }
        if (request.expiry() != null
                && LoyaltyRecords.AFTER_PERIOD.equals(request.expiry().policy())) {
            if (request.expiry().period() == null) {
                errors.add(new FieldError("expiry.period", "after_period needs the period points last"));
            } else if (isZero(request.expiry().period())) {
                errors.add(new FieldError("expiry.period", "must be longer than nothing"));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    private static boolean isZero(String period) {
        return period.equals("P") || java.time.Period.parse(period).isZero();
    }
}

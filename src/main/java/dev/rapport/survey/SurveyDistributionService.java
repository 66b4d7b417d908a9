package dev.rapport.survey;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.rapport.customer.CustomerService;
import dev.rapport.customer.api.CustomerReach;
import dev.rapport.event.EventLog;
import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import dev.rapport.survey.api.CreateDistributionRequest;
import dev.rapport.survey.api.DistributionResult;
import dev.rapport.survey.api.DistributionView;
import dev.rapport.ticket.TicketService;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Asking customers: for each one, the fatigue, ticket and consent rules decide ({@link SurveyFatigue}) under the
 * customer's survey lock, so two distributions at once cannot both ask someone the rules allow one ask; an allowed
 * ask gets a single-use token and {@code survey.distribution_created} (with what a messaging system needs), a
 * refused one is recorded with why and appended as {@code survey.distribution_suppressed}. An anonymous
 * distribution is one link for many answers.
 */
@ApplicationScoped
public class SurveyDistributionService {

    static final Sort ORDER = SurveyQueries.DISTRIBUTION_ORDER;

    private static final Set<String> STATUSES = Set.of(
            SurveyDistribution.SENT,
            SurveyDistribution.STARTED,
            SurveyDistribution.ANSWERED,
            SurveyDistribution.SUPPRESSED);

    private final SurveyRepository surveys;
    private final SurveyDistributionRepository distributions;
    private final SurveyFigureRepository figures;
    private final SurveyQueries queries;
    private final SurveyMapper mapper;
    private final CustomerService customers;
    private final TicketService tickets;
    private final EventLog events;
    private final RapportConfig.Surveys config;
    private final Caller caller;
    private final Clock clock;

    SurveyDistributionService(
            SurveyRepository surveys,
            SurveyDistributionRepository distributions,
            SurveyFigureRepository figures,
            SurveyQueries queries,
            SurveyMapper mapper,
            CustomerService customers,
            TicketService tickets,
            EventLog events,
            RapportConfig config,
            Caller caller,
            Clock clock) {
        this.surveys = surveys;
        this.distributions = distributions;
        this.figures = figures;
        this.queries = queries;
        this.mapper = mapper;
        this.customers = customers;
        this.tickets = tickets;
        this.events = events;
        this.config = config.surveys();
        this.caller = caller;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<DistributionResult> distribute(UUID surveyId, CreateDistributionRequest request) {
        return distribute(surveyId, request, caller.partnerScope());
    }

    /** Asks for a partner (null: in-house): a trigger's {@code sendSurvey}, in the transaction of its action. */
    @WithTransaction
    Uni<DistributionResult> distributeFor(UUID surveyId, CreateDistributionRequest request, String partnerId) {
        return distribute(surveyId, request, partnerId);
    }

    public Uni<Page<DistributionView>> list(UUID surveyId, String status, PageRequest page) {
        if (status != null && !STATUSES.contains(status)) {
            throw DomainException.invalid("status", "must be sent, started, answered or suppressed");
        }
        String scope = caller.partnerScope();
        return queries.survey(surveyId, scope).chain(survey -> {
            if (survey == null) {
                throw DomainException.notFound("survey", surveyId);
            }
            return queries.distributions(surveyId, status, page);
        });
    }

    private Uni<DistributionResult> distribute(UUID surveyId, CreateDistributionRequest request, String scope) {
        boolean anonymous = Boolean.TRUE.equals(request.anonymous());
        List<UUID> named = request.customerIds() == null ? List.of() : request.customerIds();
        for (int i = 0; i < named.size(); i++) {
            if (named.get(i) == null) {
                throw DomainException.invalid("customerIds[" + i + "]", "must not be null");
            }
        }
        List<UUID> customerIds =
                request.customerIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.customerIds()));
        check(request, anonymous, customerIds);
        OffsetDateTime now = Clocks.now(clock);
        OffsetDateTime expiresAt =
                request.expiresAt() != null ? Clocks.micros(request.expiresAt()) : now.plus(config.expiry());
        if (!expiresAt.isAfter(now)) {
            throw DomainException.invalid("expiresAt", "must be in the future");
        }
        return surveys.findById(surveyId, LockModeType.PESSIMISTIC_READ).chain(survey -> {
            if (survey == null || !Caller.mayAccess(scope, survey.partnerId)) {
                throw DomainException.notFound("survey", surveyId);
            }
            if (!Survey.ACTIVE.equals(survey.status)) {
                throw DomainException.conflict("The survey is " + survey.status + "; only an active survey is sent");
            }
            return surveys.questions(survey, survey.revision).chain(questions -> {
                Batch batch = new Batch(survey, questions, request, expiresAt, now);
                return anonymous ? batch.anonymous() : batch.personal(customerIds);
            });
        });
    }

    private static void check(CreateDistributionRequest request, boolean anonymous, List<UUID> customerIds) {
        List<FieldError> errors = new ArrayList<>();
        if (anonymous && !customerIds.isEmpty()) {
            errors.add(new FieldError("customerIds", "an anonymous link is for no customer in particular"));
        } else if (anonymous
                && !request.channel().equals("web_link")
                && !request.channel().equals("kiosk")) {
            errors.add(new FieldError("channel", "an anonymous link is a web_link or kiosk"));
        } else if (!anonymous && customerIds.isEmpty()) {
            errors.add(new FieldError("customerIds", "name 1 to 1,000 customers, or set anonymous"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    /** One distribution's work: the survey and its current questions, and what every ask shares. */
    private final class Batch {

        private final Survey survey;
        private final List<SurveyRecords.Question> questions;
        private final CreateDistributionRequest request;
        private final OffsetDateTime expiresAt;
        private final OffsetDateTime now;

        Batch(
                Survey survey,
                List<SurveyRecords.Question> questions,
                CreateDistributionRequest request,
                OffsetDateTime expiresAt,
                OffsetDateTime now) {
            this.survey = survey;
            this.questions = questions;
            this.request = request;
            this.expiresAt = expiresAt;
            this.now = now;
        }

        Uni<DistributionResult> anonymous() {
            return send(distribution(null, locale(null)), null)
                    .map(view -> new DistributionResult(1, 0, List.of(view)));
        }

        Uni<DistributionResult> personal(List<UUID> customerIds) {
            int days = Math.max(config.fatigueDays(), survey.fatigueDays == null ? 0 : survey.fatigueDays);
            return customers.reach(customerIds).chain(reach -> {
                List<FieldError> unknown = new ArrayList<>();
                for (int i = 0; i < customerIds.size(); i++) {
                    if (!reach.containsKey(customerIds.get(i))) {
                        unknown.add(new FieldError("customerIds[" + i + "]", "no such customer"));
                    }
                }
                if (!unknown.isEmpty()) {
                    throw DomainException.invalid(unknown);
                }
                return distributions
                        .lockCustomers(customerIds)
                        .chain(() -> distributions.lastAsked(customerIds, survey.id, now.minusDays(days)))
                        .chain(asked -> (survey.skipWhenTicketOpen
                                        ? tickets.withOpenTickets(customerIds)
                                        : Uni.createFrom().item(Set.<UUID>of()))
                                .chain(open -> ask(customerIds, reach, asked, open)));
            });
        }

        private Uni<DistributionResult> ask(
                List<UUID> customerIds,
                Map<UUID, CustomerReach> reach,
                Map<UUID, SurveyDistributionRepository.Asked> asked,
                Set<UUID> open) {
            SurveyFatigue.Rules rules =
                    new SurveyFatigue.Rules(survey.fatigueDays, config.fatigueDays(), survey.skipWhenTicketOpen);
            List<DistributionView> views = new ArrayList<>();
            int[] counts = new int[2];
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (UUID customerId : customerIds) {
                CustomerReach customer = reach.get(customerId);
                SurveyDistributionRepository.Asked last = asked.get(customerId);
                SurveyFatigue.History history = new SurveyFatigue.History(
                        last == null ? null : last.any(),
                        last == null ? null : last.thisSurvey(),
                        open.contains(customerId));
                SurveyFatigue.Suppression suppression =
                        SurveyFatigue.decide(request.channel(), customer, history, rules, now);
                SurveyDistribution distribution = distribution(customerId, locale(customer.locale()));
                chain = chain.chain(() -> {
                    if (suppression != null) {
                        counts[1]++;
                        return suppressed(distribution, suppression)
                                .invoke(views::add)
                                .replaceWithVoid();
                    }
                    counts[0]++;
                    return send(distribution, customer).invoke(views::add).replaceWithVoid();
                });
            }
            return chain.chain(() -> counts[0] == 0
                            ? Uni.createFrom().voidItem()
                            : figures.add(List.of(new SurveyFigureRepository.Delta(
                                    SurveyFigureRepository.Key.of(
                                            survey.id,
                                            survey.partnerScope,
                                            now,
                                            request.touchpoint(),
                                            request.channel()),
                                    SurveyScores.Counts.delivered(counts[0])))))
                    .map(nothing -> new DistributionResult(counts[0], counts[1], List.copyOf(views)));
        }

        /** Gives the ask its token and appends {@code survey.distribution_created} with the link. */
        private Uni<DistributionView> send(SurveyDistribution distribution, CustomerReach customer) {
            String token = SurveyTokens.newToken();
            distribution.tokenHash = SurveyTokens.hash(token);
            distribution.status = SurveyDistribution.SENT;
            String link = config.linkBase() + token;
            return distributions
                    .persist(distribution)
                    .chain(() -> events.append(
                            SurveyEvent.DISTRIBUTION_CREATED,
                            SurveyEvent.DISTRIBUTION,
                            distribution.id,
                            distribution.partnerId,
                            SurveyEvent.DistributionCreated.of(survey, distribution, link, customer)))
                    .replaceWith(mapper.toView(distribution, link, token));
        }

        private Uni<DistributionView> suppressed(
                SurveyDistribution distribution, SurveyFatigue.Suppression suppression) {
            distribution.status = SurveyDistribution.SUPPRESSED;
            distribution.suppressedReason = suppression.reason();
            distribution.suppressedDetail = suppression.detail();
            distribution.expiresAt = null;
            return distributions
                    .persist(distribution)
                    .chain(() -> events.append(
                            SurveyEvent.DISTRIBUTION_SUPPRESSED,
                            SurveyEvent.DISTRIBUTION,
                            distribution.id,
                            distribution.partnerId,
                            SurveyEvent.DistributionSuppressed.of(distribution)))
                    .replaceWith(mapper.toView(distribution, null, null));
        }

        private SurveyDistribution distribution(UUID customerId, String locale) {
            SurveyDistribution distribution = new SurveyDistribution();
            distribution.id = Ids.newId();
            distribution.surveyId = survey.id;
            distribution.partnerId = survey.partnerId;
            distribution.partnerScope = survey.partnerScope;
            distribution.customerId = customerId;
            distribution.channel = request.channel();
            distribution.touchpoint = request.touchpoint();
            distribution.locale = locale;
            distribution.expiresAt = expiresAt;
            distribution.createdAt = now;
            return distribution;
        }

        private String locale(String customerLocale) {
            return request.locale() != null
                    ? SurveyTexts.resolve(questions, request.locale(), survey.defaultLocale)
                    : SurveyTexts.resolve(questions, customerLocale, survey.defaultLocale);
        }
    }
}

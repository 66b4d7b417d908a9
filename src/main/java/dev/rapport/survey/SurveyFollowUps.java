package dev.rapport.survey;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.CustomerActivityService;
import dev.rapport.customer.api.CreateInteractionRequest;
import dev.rapport.customer.api.InteractionType;
import dev.rapport.event.EventConsumer;
import dev.rapport.event.StoredEvent;
import dev.rapport.platform.filter.FilterParser;
import dev.rapport.platform.time.Clocks;
import dev.rapport.segment.SegmentService;
import dev.rapport.segment.api.SegmentMemberView;
import dev.rapport.ticket.TicketService;
import dev.rapport.ticket.api.CreateTicketMessageRequest;
import dev.rapport.ticket.api.CreateTicketRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Closes the loop on every completed answer, from the event log ({@code survey.response_received}), once per
 * response ({@code followed_up_at}, under the response's lock, so a replayed batch does nothing twice): the answer
 * goes on the customer's timeline as an interaction of type survey, the segments the customer is in are kept with it
 * (for figures by segment), and each follow-up rule it matches opens a ticket through the ticket domain, quoting the
 * answer in an internal note, held to the ticket SLA, and linked both ways (the ticket's {@code surveyResponseId}
 * attribute, the response's {@code followUpTicketIds}).
 */
@ApplicationScoped
public class SurveyFollowUps implements EventConsumer {

    private final SurveyRepository surveys;
    private final SurveyResponseRepository responses;
    private final SurveyFigureRepository figures;
    private final CustomerActivityService activity;
    private final SegmentService segments;
    private final TicketService tickets;
    private final Clock clock;

    SurveyFollowUps(
            SurveyRepository surveys,
            SurveyResponseRepository responses,
            SurveyFigureRepository figures,
            CustomerActivityService activity,
            SegmentService segments,
            TicketService tickets,
            Clock clock) {
        this.surveys = surveys;
        this.responses = responses;
        this.figures = figures;
        this.activity = activity;
        this.segments = segments;
        this.tickets = tickets;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "survey";
    }

    @Override
    public Uni<Void> handle(List<StoredEvent> batch) {
        List<StoredEvent> received = batch.stream()
                .filter(event -> SurveyEvent.RESPONSE_RECEIVED.equals(event.type()))
                .toList();
        if (received.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> ids = received.stream().map(StoredEvent::subjectId).toList();
        List<UUID> customerIds = received.stream()
                .map(StoredEvent::customerId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        Uni<Map<UUID, List<SegmentMemberView>>> memberships =
                customerIds.isEmpty() ? Uni.createFrom().item(Map.of()) : segments.segmentsOf(customerIds);
        return memberships.chain(members -> responses.lockPending(ids).chain(pending -> {
            if (pending.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<UUID> surveyIds = pending.stream()
                    .map(response -> response.surveyId)
                    .distinct()
                    .toList();
            // Each follow-up writes through the customer and ticket domains, whose statements flush the session: it
            // is kept empty between follow-ups (the responses and surveys read-only, their changes written by
            // statement), so that a flush checks the one follow-up's rows, not the whole batch's.
            return surveys.list("id in ?1", surveyIds)
                    .call(SurveyFollowUps::clearSession)
                    .chain(found -> {
                        Map<UUID, Survey> byId = new HashMap<>();
                        found.forEach(survey -> byId.put(survey.id, survey));
                        Map<SurveyFigureRepository.Key, SurveyScores.Counts> counts = new HashMap<>();
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        for (SurveyResponse response : pending) {
                            Survey survey = byId.get(response.surveyId);
                            counts.merge(
                                    SurveyFigureRepository.Key.of(
                                            survey.id,
                                            survey.partnerScope,
                                            response.submittedAt,
                                            response.touchpoint,
                                            response.channel),
                                    SurveyScores.Counts.response(
                                            response.customerId != null, response.nps, response.csat, response.ces),
                                    SurveyScores.Counts::plus);
                            chain = chain.chain(() -> followUp(survey, response, members))
                                    .call(SurveyFollowUps::clearSession);
                        }
                        return chain.chain(() -> figures.add(counts.entrySet().stream()
                                .map(entry -> new SurveyFigureRepository.Delta(entry.getKey(), entry.getValue()))
                                .toList()));
                    });
        }));
    }

    private static Uni<Void> clearSession() {
        return Panache.getSession().chain(session -> session.flush().invoke(session::clear));
    }

    private Uni<Void> followUp(Survey survey, SurveyResponse response, Map<UUID, List<SegmentMemberView>> members) {
        response.followedUpAt = Clocks.now(clock);
        if (response.customerId == null) {
            return recordFollowUp(response);
        }
        response.segmentIds = members.getOrDefault(response.customerId, List.of()).stream()
                .map(SegmentMemberView::segmentId)
                .toArray(UUID[]::new);
        return activity.logInteraction(
                        response.customerId,
                        new CreateInteractionRequest(
                                InteractionType.survey,
                                response.channel,
                                response.touchpoint,
                                summary(survey, response),
                                response.submittedAt))
                .chain(() -> openTickets(survey, response))
                .chain(() -> recordFollowUp(response));
    }

    private Uni<Void> recordFollowUp(SurveyResponse response) {
        return responses.followedUp(response.id, response.followedUpAt, response.segmentIds, response.followUpTickets);
    }

    private Uni<Void> openTickets(Survey survey, SurveyResponse response) {
        Instant now = clock.instant();
        List<SurveyRecords.FollowUp> matching = survey.followUps.items().stream()
                .filter(rule -> SurveyResponseFields.FOLLOW_UPS
                        .compile(FilterParser.parse(rule.when()), now)
                        .test(SurveyResponseFields.facts(response)))
                .toList();
        if (matching.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return surveys.questions(survey, response.revision)
                .chain(questions -> openTickets(survey, response, matching, quote(survey, questions, response)));
    }

    private Uni<Void> openTickets(
            Survey survey, SurveyResponse response, List<SurveyRecords.FollowUp> matching, String quote) {
        List<UUID> opened = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (SurveyRecords.FollowUp rule : matching) {
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("surveyResponseId", response.id.toString());
            attributes.put("surveyId", survey.id.toString());
            CreateTicketRequest request = new CreateTicketRequest(
                    response.customerId,
                    null,
                    rule.subject(),
                    null,
                    rule.priority(),
                    null,
                    null,
                    null,
                    rule.team(),
                    List.of("survey-follow-up"),
                    attributes,
                    null,
                    new CreateTicketMessageRequest("internal", "agent", "survey", quote, null, null));
            chain = chain.chain(() -> tickets.openFollowUp(request, survey.partnerId)
                    .invoke(ticket -> opened.add(ticket.id()))
                    .replaceWithVoid());
        }
        return chain.invoke(() -> response.followUpTickets = opened.toArray(UUID[]::new));
    }

    private static String summary(Survey survey, SurveyResponse response) {
        StringBuilder text =
                new StringBuilder("Answered the survey \"").append(survey.name).append('"');
        if (response.nps != null) {
            text.append(": NPS ")
                    .append(response.nps)
                    .append(" (")
                    .append(SurveyScores.category(response.nps))
                    .append(')');
        }
        if (response.csat != null) {
            text.append(response.nps == null ? ": " : ", ").append("CSAT ").append(response.csat);
        }
        if (response.ces != null) {
            text.append(response.nps == null && response.csat == null ? ": " : ", ")
                    .append("CES ")
                    .append(response.ces);
        }
        return text.length() > 4000 ? text.substring(0, 4000) : text.toString();
    }

    /** The answer as the ticket's first internal note shows it: each question and what was answered. */
    static String quote(Survey survey, List<SurveyRecords.Question> questions, SurveyResponse response) {
        Map<String, SurveyRecords.Answer> answers = new HashMap<>();
        response.answers.items().forEach(answer -> answers.put(answer.question(), answer));
        StringBuilder text = new StringBuilder("Survey \"")
                .append(survey.name)
                .append("\" answered at ")
                .append(response.touchpoint)
                .append(" (")
                .append(response.channel)
                .append(") on ")
                .append(response.submittedAt.toLocalDate())
                .append(":\n");
        for (SurveyRecords.Question question : questions) {
            SurveyRecords.Answer answer = answers.get(question.id());
            if (answer == null) {
                continue;
            }
            text.append("> ")
                    .append(SurveyTexts.pick(question.texts(), survey.defaultLocale, survey.defaultLocale))
                    .append(' ');
            if (answer.value() != null) {
                text.append(answer.value());
            } else if (answer.choices() != null) {
                text.append(String.join(", ", answer.choices()));
            } else {
                text.append('"').append(answer.text()).append('"');
            }
            text.append('\n');
        }
        return text.length() > 10_000 ? text.substring(0, 10_000) : text.toString();
    }
}

package dev.rapport.survey;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.paging.ListParameters;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.security.Caller;
import dev.rapport.survey.api.CustomerSurveys;
import dev.rapport.survey.api.ResponseView;
import io.smallrye.mutiny.Uni;

/** Responses as the caller's staff and partners read them: a survey's, filtered, and each customer's latest scores. */
@ApplicationScoped
public class SurveyResponseService {

    private final SurveyQueries queries;
    private final Caller caller;

    SurveyResponseService(SurveyQueries queries, Caller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    /** A page of a survey's responses matching the list's filter and text search. */
    public Uni<Page<ResponseView>> list(UUID surveyId, ListParameters list) {
        String scope = caller.partnerScope();
        PageRequest page = list.page(SurveyQueries.RESPONSE_SORTS, SurveyQueries.RESPONSE_ORDER);
        return queries.survey(surveyId, scope).chain(survey -> {
            if (survey == null) {
                throw DomainException.notFound("survey", surveyId);
            }
            return queries.responses(surveyId, list.filter(), list.query(), scope, page);
        });
    }

    /** One response of the survey that the caller may see. */
    public Uni<ResponseView> get(UUID surveyId, UUID id) {
        return queries.response(id, caller.partnerScope()).map(view -> {
            if (view == null || !view.surveyId().equals(surveyId)) {
                throw DomainException.notFound("survey response", id);
            }
            return view;
        });
    }

    /** The survey part of each customer's 360 view (customers the caller may see, checked by the customer domain). */
    public Uni<Map<UUID, CustomerSurveys>> forCustomers(List<UUID> customerIds) {
        return customerIds.isEmpty() ? Uni.createFrom().item(Map.of()) : queries.forCustomers(customerIds);
    }
}

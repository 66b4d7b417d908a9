package dev.rapport.lead;

import static dev.rapport.customer.CustomerFixtures.uniqueTag;
import static dev.rapport.lead.LeadFixtures.aLead;
import static dev.rapport.lead.LeadFixtures.note;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.Database;
import dev.rapport.platform.SqlStatementCounter;
import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Leads in GraphQL: the same rules and errors as REST, and nested fields read in batches. */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class LeadGraphQLTest {

    @Inject
    Database database;

    private static final String LEADS_WITH_EVERYTHING = """
            query($filter: String, $limit: Int) {
              leads(filter: $filter, limit: $limit, sort: "createdAt") {
                data {
                  id stage score
                  notes(limit: 5) { type body }
                  history { stage nextStage seconds }
                  customer { id givenName lead { leadId source } }
                }
              }
            }""";

    @Test
    void aLeadIsCapturedNotedAndConvertedThroughMutations() {
        String campaign = uniqueTag();
        String id = graphql("""
                        mutation($campaign: String) {
                          createLead(input: {familyName: "Bolton", email: "michael@initech.example", source: "event",
                                             campaign: $campaign, company: {name: "Initech", size: "51-200"},
                                             estimatedValue: 950.50, currency: "EUR",
                                             attributes: "{\\"seats\\": 12}"}) {
                            id stage stageCategory estimatedValue currency company { name size } attributes
                          }
                        }""", Map.of("campaign", campaign))
                .body("errors", nullValue())
                .body("data.createLead.stage", equalTo("new"))
                .body("data.createLead.company.size", equalTo("51-200"))
                .body("data.createLead.estimatedValue", equalTo(950.5f))
                .extract()
                .path("data.createLead.id");
        graphql("""
                        mutation($id: ID!) {
                          addLeadNote(leadId: $id, input: {type: "call", body: "Wants a quote"}) { type author }
                          updateLead(id: $id, patch: "{\\"stage\\": \\"qualified\\"}") { stage }
                        }""", Map.of("id", id))
                .body("errors", nullValue())
                .body("data.addLeadNote.author", equalTo("mona.manager"))
                .body("data.updateLead.stage", equalTo("qualified"));
        graphql("""
                        mutation($id: ID!) { updateLead(id: $id, patch: "{\\"stage\\": \\"nowhere\\"}") { stage } }""", Map.of("id", id)).body("errors[0].extensions.code", equalTo("validation-failed"));
        graphql("""
                        mutation($id: ID!) {
                          convertLead(id: $id) { outcome matchedBy lead { stage customerId } customer { familyName } }
                        }""", Map.of("id", id))
                .body("errors", nullValue())
                .body("data.convertLead.outcome", equalTo("created"))
                .body("data.convertLead.lead.stage", equalTo("converted"))
                .body("data.convertLead.customer.familyName", equalTo("Bolton"));
        graphql("mutation($id: ID!) { convertLead(id: $id) { outcome } }", Map.of("id", id))
                .body("errors[0].extensions.code", equalTo("conflict"));
        graphql("""
                        query($id: ID!) {
                          lead(id: $id) { stage scoreExplanation { score rules { ruleId } } }
                          pipeline { name stages { key category probability } }
                        }""", Map.of("id", id))
                .body("errors", nullValue())
                .body("data.lead.scoreExplanation.score", equalTo(0))
                .body("data.pipeline.stages[3].category", equalTo("won"));
    }

    @Test
    void rulesAreDefinedReadAndChangedThroughGraphQLWithEventsOfTheirKind() {
        String campaign = uniqueTag();
        String scoring = graphql("""
                        mutation($condition: String!) {
                          createLeadScoringRule(input: {name: "Events", condition: $condition, points: 7}) { id }
                        }""", Map.of("condition", "campaign==" + campaign + ";source==event"))
                .body("errors", nullValue())
                .extract()
                .path("data.createLeadScoringRule.id");
        String assignment = graphql("""
                        mutation($condition: String) {
                          createLeadAssignmentRule(input: {name: "Events desk", condition: $condition,
                                                           pool: ["eve", "fay"]}) { id turns }
                        }""", Map.of("condition", "campaign==" + campaign))
                .body("errors", nullValue())
                .body("data.createLeadAssignmentRule.turns", equalTo(0))
                .extract()
                .path("data.createLeadAssignmentRule.id");
        graphql("""
                        query($scoring: ID!, $assignment: ID!) {
                          leadScoringRule(id: $scoring) { name points }
                          leadAssignmentRule(id: $assignment) { name pool }
                        }""", Map.of("scoring", scoring, "assignment", assignment))
                .body("errors", nullValue())
                .body("data.leadScoringRule.points", equalTo(7))
                .body("data.leadAssignmentRule.pool", equalTo(List.of("eve", "fay")));
        graphql("""
                        mutation($id: ID!) { updateLeadScoringRule(id: $id, patch: "{\\"points\\": 9}") { points } }""", Map.of("id", scoring)).body("data.updateLeadScoringRule.points", equalTo(9));
        aLead(campaign)
                .with("source", "event")
                .post()
                .statusCode(201)
                .body("score", equalTo(9))
                .body("ownerId", equalTo("eve"));
        graphql("mutation($id: ID!) { leadScoringRule: deleteLeadScoringRule(id: $id) }", Map.of("id", scoring))
                .body("errors", nullValue());
        graphql("query($id: ID!) { leadScoringRule(id: $id) { name } }", Map.of("id", scoring))
                .body("errors[0].extensions.code", equalTo("not-found"));

        assertThat(types(scoring))
                .containsExactly("lead_scoring_rule.created", "lead_scoring_rule.updated", "lead_scoring_rule.deleted");
        assertThat(types(assignment)).containsExactly("lead_assignment_rule.created");
    }

    @Test
    void aPageOfLeadsWithNotesHistoryAndCustomersCostsTheSameStatementsWhateverItsSize() {
        String campaign = uniqueTag();
        for (int i = 0; i < 12; i++) {
            String lead = aLead(campaign).create();
            note(lead, "note", "First contact").statusCode(201);
            LeadFixtures.moveTo(lead, "contacted").statusCode(200);
            if (i % 2 == 0) {
                LeadFixtures.convert(lead, Map.of()).statusCode(200);
            }
        }
        int forTwo = statementsFor(campaign, 2);
        int forTwelve = statementsFor(campaign, 12);
        assertThat(forTwo).as("statements are counted at all").isPositive();
        assertThat(forTwelve).as("statements for 12 leads vs 2").isEqualTo(forTwo);
    }

    private int statementsFor(String campaign, int limit) {
        return SqlStatementCounter.count(
                        LeadGraphQLTest::readsLeadsOrCustomers,
                        () -> graphql(LEADS_WITH_EVERYTHING, Map.of("filter", "campaign==" + campaign, "limit", limit))
                                .body("errors", nullValue())
                                .body("data.leads.data", hasSize(limit))
                                .body("data.leads.data[0].notes", hasSize(1))
                                .body("data.leads.data[0].history", hasSize(3))
                                .body("data.leads.data[0].customer.lead.leadId", notNullValue())
                                .body("data.leads.data[1].customer", nullValue())
                                .body("data.leads.data[1].history.stage", equalTo(List.of("new", "contacted"))))
                .statements();
    }

    /** The API's reads of leads and customers; not the engines' background work. */
    private static boolean readsLeadsOrCustomers(String sql) {
        String text = sql.toLowerCase(Locale.ROOT);
        return text.contains("from lead")
                || text.contains("lead_note")
                || text.contains("lead_stage_stay")
                || (text.contains("from customer c") && !text.contains("segment"));
    }

    private List<String> types(String subjectId) {
        return LeadFixtures.eventTypes(database, subjectId);
    }

    static ValidatableResponse graphql(String query, Map<String, Object> variables) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("query", query, "variables", variables))
                .when()
                .post("/graphql")
                .then()
                .statusCode(200);
    }
}

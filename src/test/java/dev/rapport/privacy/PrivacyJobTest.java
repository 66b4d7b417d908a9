package dev.rapport.privacy;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rapport.automation.TriggerFixtures;
import dev.rapport.customer.CustomerFixtures;
import dev.rapport.lead.LeadFixtures;
import dev.rapport.loyalty.LoyaltyFixtures;
import dev.rapport.platform.Database;
import dev.rapport.platform.security.RolePermissions;
import dev.rapport.segment.SegmentFixtures;
import dev.rapport.survey.SurveyFixtures;
import dev.rapport.ticket.TicketFixtures;
import dev.rapport.webhook.WebhookFixtures;
import dev.rapport.webhook.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Privacy requests: an export holds every domain's records of the customer; an erasure leaves nothing of the person
 * anywhere in the database, keeps what the business must keep, and reports every table it touched; a legal hold
 * refuses it.
 */
@QuarkusTest
@TestSecurity(user = "ada.admin", roles = "admin", augmentors = RolePermissions.class)
class PrivacyJobTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Database db;

    @Inject
    PrivacyJobs jobs;

    /** Every column that holds a customer's id (by name or by foreign key) is covered by some privacy step. */
    @Test
    void everyTableThatReferencesCustomersIsCoveredByAPrivacyStep() {
        var columns = db.columnsHoldingCustomerIds();

        assertThat(columns).contains("purchase.customer_id", "ticket.customer_id", "privacy_job.customer_id");
        assertThat(jobs.handledColumns()).containsAll(columns);
    }

    @Test
    void anExportHoldsTheCustomersRecordsOfEveryDomain() throws Exception {
        Person person = Person.withRecordsInEveryDomain(db);

        JsonPath job = finished("exports", request("exports", person.customer).statusCode(202));

        assertThat(job.getString("status")).isEqualTo("succeeded");
        assertThat(job.getInt("progress.done")).isEqualTo(job.getInt("progress.total"));
        assertThat(job.getString("expiresAt")).isNotNull();
        assertThat(job.getString("document.customerId")).isEqualTo(person.customer);
        assertThat(job.getList("document.mergedIds")).containsExactly(person.duplicate);
        assertThat(job.getList("document.profile.id")).containsExactlyInAnyOrder(person.customer, person.duplicate);
        assertThat(job.getList("document.profile.given_name")).contains("Zora" + person.token);
        assertThat(job.getList("document.purchases.order_ref")).contains("ORD-" + person.digits);
        assertThat(job.getList("document.purchases.refunds.flatten().reason")).isNotEmpty();
        assertThat(job.getList("document.interactions.summary")).contains("Called " + person.name());
        assertThat(job.getList("document.consentHistory.channel")).contains("email");
        assertThat(job.getList("document.merges.merged_id")).containsExactly(person.duplicate);
        assertThat(job.getList("document.tickets.subject")).contains("Refund for " + person.name());
        assertThat(job.getList("document.tickets[0].messages.body_text")).contains("It is " + person.name() + " here");
        assertThat(job.getList("document.leads.id")).containsExactly(person.lead);
        assertThat(job.getList("document.loyaltyAccounts.id")).containsExactly(person.account);
        assertThat(job.getList("document.loyaltyAccounts[0].entries.note")).contains("Goodwill for " + person.name());
        assertThat(job.getList("document.surveyResponses.comment")).isNotEmpty();
        assertThat(job.getList("document.surveyInvitations.id")).hasSize(1);
        assertThat(job.getList("document.segmentMemberships.segment_id")).containsExactly(person.segment);
        assertThat(job.getList("document.automationRuns.trigger_id")).containsOnly(person.trigger);
        assertThat(job.getList("document.privacyRequests.kind")).contains("export");
        assertThat(job.getList("document.legalHold")).isEmpty();
        // the service's own bookkeeping is not the person's data
        assertThat(job.getMap("document.profile[0]")).doesNotContainKeys("search_text", "name_key");
        assertThat(db.count(
                        "select count(*) from event where type = 'customer.export_requested' and subject_id = cast(? as uuid)",
                        person.customer))
                .isEqualTo(1);
        person.close();
    }

    @Test
    void anErasureLeavesNothingOfThePersonAndReportsEveryTableItTouched() throws Exception {
        Person person = Person.withRecordsInEveryDomain(db);
        String export = finished("exports", request("exports", person.customer)).getString("id");
        assertThat(db.columnsContaining(person.token)).contains("customer.given_name", "privacy_job.result");
        long ledger = LoyaltyFixtures.ledgerSum(person.account);

        JsonPath job = finished("erasures", request("erasures", person.customer).statusCode(202));

        assertThat(job.getString("status")).isEqualTo("succeeded");
        Map<String, String> report = job.<Map<String, Object>>getList("report").stream()
                .collect(Collectors.toMap(r -> (String) r.get("table"), r -> (String) r.get("action")));
        assertThat(report)
                .containsEntry("customer", "anonymized")
                .containsEntry("customer_email", "deleted")
                .containsEntry("customer_match_key", "deleted")
                .containsEntry("purchase", "kept")
                .containsEntry("purchase_refund", "anonymized")
                .containsEntry("interaction", "anonymized")
                .containsEntry("consent_change", "anonymized")
                .containsEntry("customer_merge", "anonymized")
                .containsEntry("ticket", "anonymized")
                .containsEntry("ticket_message", "anonymized")
                .containsEntry("lead", "anonymized")
                .containsEntry("lead_note", "anonymized")
                .containsEntry("loyalty_account", "kept")
                .containsEntry("loyalty_entry", "anonymized")
                .containsEntry("survey_response", "anonymized")
                .containsEntry("segment_member", "deleted")
                .containsEntry("trigger_run", "anonymized")
                .containsEntry("privacy_job", "anonymized")
                .containsEntry("event", "anonymized")
                .containsEntry("webhook_delivery", "anonymized")
                .containsEntry("idempotency_key", "deleted");

        // no query finds the person's name, email or phone anywhere
        assertThat(db.columnsContaining(person.token)).isEmpty();
        assertThat(db.columnsContaining("7400" + person.digits)).isEmpty();
        assertThat(db.columnsContaining("7400 " + person.digits)).isEmpty();

        // what the business must keep stays
        assertThat(LoyaltyFixtures.ledgerSum(person.account)).isEqualTo(ledger);
        assertThat(db.count("select count(*) from purchase where customer_id = cast(? as uuid)", person.customer))
                .isEqualTo(2);
        assertThat(db.count(
                        "select count(*) from survey_response where id = cast(? as uuid) and nps = 3", person.response))
                .isEqualTo(1);
        given().when()
                .get("/v1/customers/" + person.customer)
                .then()
                .statusCode(200)
                .body("deletedAt", org.hamcrest.Matchers.notNullValue());
        given().when()
                .get("/v1/privacy/exports/" + export)
                .then()
                .statusCode(200)
                .body("status", equalTo("expired"));

        // downstream systems are told, without personal data
        String erased = db.string(
                "select cast(payload as text) from event where type = 'customer.erased' and subject_id = cast(? as uuid)",
                person.customer);
        assertThat(JsonPath.from(erased).getString("jobId")).isEqualTo(job.getString("id"));
        assertThat(JsonPath.from(erased).getList("mergedIds")).containsExactly(person.duplicate);

        // an erased customer takes no new requests
        request("erasures", person.customer).statusCode(400).body("errors[0].field", equalTo("customerId"));
        person.close();
    }

    @Test
    void aLegalHoldRefusesAnErasureAskedForAndOneQueuedBeforeIt() {
        String held = aCustomer().create();
        hold(held).statusCode(200);
        request("erasures", held)
                .statusCode(409)
                .body("detail", startsWith("Customer " + held + " is under a legal hold"));

        // a hold placed while the erasure waits for the customer: the erasure does not happen
        String customer = aCustomer().create();
        String job;
        try (var locked = db.lock("select id from customer where id = cast(? as uuid) for no key update", customer)) {
            job = request("erasures", customer).statusCode(202).extract().path("id");
            // asking again while it is queued or running answers the same job
            request("erasures", customer).statusCode(200).body("id", equalTo(job));
            await().atMost(WAIT).until(() -> "running".equals(erasure(job).getString("status")));
            hold(customer).statusCode(200);
        }
        JsonPath failed = finished("erasures", job);
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getString("error")).contains("legal hold");
        given().when().get("/v1/customers/" + customer).then().statusCode(200).body("givenName", equalTo("Ada"));
    }

    @Test
    void aRequestNeedsALiveCustomer() {
        given().contentType(ContentType.JSON)
                .body(Map.of())
                .post("/v1/privacy/exports")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("customerId"));
        request("exports", UUID.randomUUID().toString()).statusCode(400).body("errors[0].field", equalTo("customerId"));
        given().when().get("/v1/privacy/erasures/" + UUID.randomUUID()).then().statusCode(404);
        String export =
                finished("exports", request("exports", aCustomer().create())).getString("id");
        // an export is not an erasure
        given().when().get("/v1/privacy/erasures/" + export).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "manager-mia", roles = "manager", augmentors = RolePermissions.class)
    void onlyAdminsAskForExportsAndErasures() {
        String customer = aCustomer().create();
        request("exports", customer).statusCode(403);
        request("erasures", customer).statusCode(403);
        given().when().get("/v1/privacy/exports/" + UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    @TestSecurity(
            user = "acme-privacy",
            roles = {"customers:read", "customers:write", "privacy:manage"},
            attributes = @SecurityAttribute(key = "partner_id", value = "privacy-acme"))
    void aPartnerAsksAboutAndSeesOnlyItsOwnCustomers() {
        String own = aCustomer().create();
        String othersCustomer = UUID.randomUUID().toString();
        db.execute(
                "insert into customer (id, partner_id, created_at, updated_at) values (cast(? as uuid), 'privacy-other', now(), now())",
                othersCustomer);
        String othersJob = UUID.randomUUID().toString();
        db.execute("""
                insert into privacy_job (id, kind, customer_id, partner_id, status, requested_by, requested_at, steps_total)
                values (cast(? as uuid), 'export', cast(? as uuid), 'privacy-other', 'succeeded', 'someone', now(), 8)
                """, othersJob, othersCustomer);

        JsonPath job = finished("exports", request("exports", own).statusCode(202));
        assertThat(job.getList("document.profile.partner_id")).containsExactly("privacy-acme");
        request("exports", othersCustomer).statusCode(400).body("errors[0].field", equalTo("customerId"));
        request("erasures", othersCustomer).statusCode(400).body("errors[0].field", equalTo("customerId"));
        given().when().get("/v1/privacy/exports/" + othersJob).then().statusCode(404);
    }

    // --- the person ---------------------------------------------------------------------------------------------

    /** A customer (with a merged duplicate) whose name, email and phone appear in the records of every domain. */
    private static final class Person implements AutoCloseable {
        final String token = letters();
        final String digits = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        String customer;
        String duplicate;
        String lead;
        String account;
        String response;
        String segment;
        String trigger;
        String endpoint;
        WebhookReceiver receiver;

        String name() {
            return "Zora Vex" + token;
        }

        static Person withRecordsInEveryDomain(Database db) throws Exception {
            Person p = new Person();
            p.receiver = new WebhookReceiver();
            p.endpoint =
                    WebhookFixtures.anEndpoint(p.receiver.url(), "customer.*").create();
            String tag = CustomerFixtures.uniqueTag();
            p.trigger = TriggerFixtures.anEventTrigger("purchase.*")
                    .with("condition", "tags==" + tag)
                    .action("addTags", Map.of("tags", List.of("called")))
                    .create();

            p.customer = given().contentType(ContentType.JSON)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(aCustomer()
                            .with("externalId", "CRM-" + p.token)
                            .with("givenName", "Zora" + p.token)
                            .with("familyName", "Vex" + p.token)
                            .email("zora." + p.token.toLowerCase(java.util.Locale.ROOT) + "@example.org")
                            .with("phones", List.of(Map.of("number", "+44 7400 " + p.digits)))
                            .with("birthday", "1984-03-09")
                            .with("tags", List.of(tag))
                            .with("consents", Map.of("email", Map.of("granted", true)))
                            .body())
                    .post("/v1/customers")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            p.duplicate = aCustomer()
                    .with("givenName", "Zoe" + p.token)
                    .email("z.vex." + p.token.toLowerCase(java.util.Locale.ROOT) + "@example.net")
                    .create();
            CustomerFixtures.recordPurchase(p.duplicate, "ORD-D" + p.digits, "12.00");
            given().contentType(ContentType.JSON)
                    .body(Map.of("duplicateId", p.duplicate))
                    .post("/v1/customers/" + p.customer + "/merge")
                    .then()
                    .statusCode(200);

            String purchase = given().contentType(ContentType.JSON)
                    .body(Map.of("orderRef", "ORD-" + p.digits, "amount", "40.00", "currency", "EUR"))
                    .post("/v1/customers/" + p.customer + "/purchases")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            given().contentType(ContentType.JSON)
                    .body(Map.of("amount", "5.00", "reason", "Broken, says " + p.name()))
                    .post("/v1/customers/" + p.customer + "/purchases/" + purchase + "/refunds")
                    .then()
                    .statusCode(201);
            CustomerFixtures.logInteraction(p.customer, "Called " + p.name());

            String ticket = TicketFixtures.aTicketFor(p.customer)
                    .with("subject", "Refund for " + p.name())
                    .create();
            TicketFixtures.requesterWrites(ticket, "It is " + p.name() + " here")
                    .statusCode(201);

            p.lead = LeadFixtures.aLead("privacy")
                    .with("email", "zora.lead." + p.token.toLowerCase(java.util.Locale.ROOT) + "@example.org")
                    .with("phone", "+44 7400 " + p.digits)
                    .create();
            LeadFixtures.note(p.lead, "call", "Spoke to " + p.name()).statusCode(201);
            LeadFixtures.convert(p.lead, Map.of("customerId", p.customer)).statusCode(200);

            p.account = LoyaltyFixtures.enroll(LoyaltyFixtures.aProgram().create(), p.customer)
                    .statusCode(201)
                    .extract()
                    .path("id");
            LoyaltyFixtures.posted(
                    p.account, "adjust", 25, "reasonCode", "goodwill", "note", "Goodwill for " + p.name());

            String survey = SurveyFixtures.anNpsSurvey().create();
            String token = SurveyFixtures.tokenFor(survey, p.customer);
            SurveyFixtures.answer(
                            token,
                            List.of(
                                    SurveyFixtures.score("score", 3),
                                    SurveyFixtures.said("reason", p.name() + " waited a week")),
                            true)
                    .statusCode(200);
            p.response = db.string(
                    "select cast(id as text) from survey_response where customer_id = cast(? as uuid)", p.customer);

            p.segment = SegmentFixtures.aStaticSegment().createReady();
            given().contentType(ContentType.JSON)
                    .body(Map.of("customerIds", List.of(p.customer)))
                    .post("/v1/segments/" + p.segment + "/members")
                    .then()
                    .statusCode(200);

            // the asynchronous copies exist before the request: the trigger's run and the webhook deliveries
            TriggerFixtures.awaitFinishedRuns(p.trigger, 2); // the purchase and its refund
            String customerId = p.customer;
            await().atMost(WAIT)
                    .until(() -> !p.receiver
                            .received(r ->
                                    r.body().contains(customerId) && r.body().contains("customer.created"))
                            .isEmpty());
            return p;
        }

        @Override
        public void close() {
            given().when().delete("/v1/triggers/" + trigger).then().statusCode(204);
            WebhookFixtures.delete(endpoint);
            receiver.close();
        }

        private static String letters() {
            StringBuilder letters = new StringBuilder("Q");
            for (int i = 0; i < 9; i++) {
                letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
            }
            return letters.toString();
        }
    }

    // --- calls --------------------------------------------------------------------------------------------------

    private static ValidatableResponse request(String kind, String customer) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("customerId", customer, "reason", "Asked by email", "reference", "DSR-1"))
                .when()
                .post("/v1/privacy/" + kind)
                .then();
    }

    private static ValidatableResponse hold(String customer) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("reason", "Pending litigation"))
                .put("/v1/customers/" + customer + "/legal-hold")
                .then();
    }

    private static JsonPath erasure(String id) {
        return given().when()
                .get("/v1/privacy/erasures/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath finished(String kind, ValidatableResponse requested) {
        return finished(kind, requested.extract().<String>path("id"));
    }

    /** The job once it succeeded or failed. */
    private static JsonPath finished(String kind, String id) {
        return await().atMost(WAIT)
                .until(
                        () -> given().when()
                                .get("/v1/privacy/" + kind + "/" + id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        job -> List.of("succeeded", "failed").contains(job.getString("status")));
    }
}

package dev.rapport.automation;

import static dev.rapport.customer.api.CustomerPrivacyStep.Erasure.anonymized;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.CustomerPrivacyStep;

/**
 * The automation domain's part of a privacy request. Erasing keeps the runs of triggers for the customer (caps and
 * the firing history count them) with the evaluated conditions, the actions' settings and their outcomes redacted:
 * each may quote a value of the profile.
 */
@ApplicationScoped
class AutomationPrivacyStep implements CustomerPrivacyStep {

    private static final String RUNS = "run_id in (select id from trigger_run where customer_id = :customer)";

    @Override
    public List<String> customerColumns() {
        return List.of("trigger_run.customer_id");
    }

    @Override
    public List<Part> exports() {
        return List.of(new Part("automationRuns", """
                select r.*,
                    (select coalesce(jsonb_agg(to_jsonb(a) order by a.position), '[]')
                     from trigger_action_run a where a.run_id = r.id) as actions
                from trigger_run r where r.customer_id = :customer order by r.fired_at, r.id
                """));
    }

    @Override
    public List<Erasure> erasures() {
        return List.of(
                anonymized(
                        "trigger_run",
                        "update trigger_run set conditions = privacy_redact(conditions) where customer_id = :customer"),
                anonymized("trigger_action_run", """
                        update trigger_action_run set settings = privacy_redact(settings), outcome = null, error = null
                        where\s""" + RUNS));
    }

    @Override
    public List<String> eventTypesNamingCustomer() {
        return List.of(TriggerEvent.FIRED);
    }
}

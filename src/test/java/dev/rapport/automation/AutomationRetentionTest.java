package dev.rapport.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.Database;
import io.quarkus.test.junit.QuarkusTest;

/** Finished runs older than the retention go with their actions; newer ones and unfinished ones stay. */
@QuarkusTest
class AutomationRetentionTest {

    @Inject
    AutomationRetention retention;

    @Inject
    Database database;

    @Test
    void oldFinishedRunsAreDeletedWithTheirActions() {
        String trigger = UUID.randomUUID().toString();
        database.execute("""
                insert into automation_trigger (id, name, enabled, kind, event_types, actions, created_at, updated_at)
                values (cast(? as uuid), 'Old', false, 'event', array['customer.created'], '{"items":[]}', now(), now())
                """, trigger);
        String old = run(trigger, "succeeded", "500 days");
        String oldRunning = run(trigger, "running", "500 days");
        String recent = run(trigger, "failed", "10 days");

        retention.deleteExpired().await().atMost(Duration.ofSeconds(20));

        assertThat(database.count("select count(*) from trigger_run where id = cast(? as uuid)", old))
                .isZero();
        assertThat(database.count("select count(*) from trigger_action_run where run_id = cast(? as uuid)", old))
                .isZero();
        assertThat(database.count("select count(*) from trigger_run where id = cast(? as uuid)", oldRunning))
                .isEqualTo(1);
        assertThat(database.count("select count(*) from trigger_run where id = cast(? as uuid)", recent))
                .isEqualTo(1);
        assertThat(database.count("select count(*) from trigger_action_run where run_id = cast(? as uuid)", recent))
                .isEqualTo(1);
    }

    /** A run of {@code trigger} fired {@code ago} (a PostgreSQL interval), with one action. */
    private String run(String trigger, String status, String ago) {
        String id = UUID.randomUUID().toString();
        database.execute("""
                insert into trigger_run (id, trigger_id, occurrence, status, depth, chain, conditions, fired_at)
                values (cast(? as uuid), cast(? as uuid), ?, ?, 0, '{}', '[]', now() - cast(? as interval))
                """, id, trigger, id, status, ago);
        database.execute("""
                insert into trigger_action_run (run_id, position, type, settings, status)
                values (cast(? as uuid), 0, 'webhook', '{}', 'succeeded')
                """, id);
        return id;
    }
}

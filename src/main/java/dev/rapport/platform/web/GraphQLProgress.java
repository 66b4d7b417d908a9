package dev.rapport.platform.web;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while GraphQL makes no progress: every execution turn ({@code rapport.graphql.max-concurrent}) has been
 * held for {@link #STALLED} without one finishing, so what arrives only queues behind them. Liveness stays up (the
 * turns may still finish); the load balancer sends new requests elsewhere meanwhile.
 */
@Readiness
@ApplicationScoped
public class GraphQLProgress implements HealthCheck {

    static final Duration STALLED = Duration.ofSeconds(30);

    private final GraphQLAdmission admission;

    GraphQLProgress(GraphQLAdmission admission) {
        this.admission = admission;
    }

    @Override
    public HealthCheckResponse call() {
        Duration stalled = admission.stalledFor();
        return HealthCheckResponse.named("GraphQL progress")
                .status(stalled.compareTo(STALLED) < 0)
                .withData("executing", admission.executing())
                .withData("waiting", admission.waiting())
                .withData("stalledSeconds", stalled.toSeconds())
                .build();
    }
}

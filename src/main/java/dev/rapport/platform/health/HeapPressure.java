package dev.rapport.platform.health;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the heap stays nearly full after collections: a replica in that state spends its time collecting
 * and answers nothing in time (it once did so for 25 minutes while liveness said it was fine). Taking it out of the
 * load balancer lets what it runs finish and the heap recover; should it run out, it exits
 * ({@code -XX:+ExitOnOutOfMemoryError}) and is replaced. Reads what the old generation held after its last
 * collection, which the JVM keeps, so the check costs nothing.
 */
@Readiness
@ApplicationScoped
public class HeapPressure implements HealthCheck {

    /** The share of a pool still used after a collection beyond which the replica is not ready. */
    static final double LIMIT = 0.90;

    /**
     * The pools that hold what survives collections (the old generation, or the one pool of a single-generation
     * collector): the heap pools that support a usage threshold. Young pools do not, and are full by design.
     */
    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isUsageThresholdSupported())
            .toList();

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Heap after collection").up();
        for (MemoryPoolMXBean pool : pools) {
            MemoryUsage afterCollection = pool.getCollectionUsage();
            if (afterCollection == null) {
                continue;
            }
            double share = share(afterCollection);
            response.withData(pool.getName(), Math.round(share * 100) + "%");
            if (share > LIMIT) {
                response.down();
            }
        }
        return response.build();
    }

    /** The share of its maximum a pool held after its last collection; 0 when it has no maximum. */
    static double share(MemoryUsage usage) {
        long max = usage.getMax() > 0 ? usage.getMax() : usage.getCommitted();
        return max <= 0 ? 0 : (double) usage.getUsed() / max;
    }
}

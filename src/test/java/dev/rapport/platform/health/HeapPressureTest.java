package dev.rapport.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.MemoryUsage;

import org.junit.jupiter.api.Test;

class HeapPressureTest {

    @Test
    void aPoolNearlyFullAfterCollectionIsPressure() {
        assertThat(HeapPressure.share(new MemoryUsage(0, 95, 100, 100))).isGreaterThan(HeapPressure.LIMIT);
        assertThat(HeapPressure.share(new MemoryUsage(0, 50, 100, 100))).isLessThan(HeapPressure.LIMIT);
    }

    @Test
    void aPoolWithoutAMaximumIsMeasuredAgainstWhatIsCommitted() {
        assertThat(HeapPressure.share(new MemoryUsage(0, 95, 100, -1))).isGreaterThan(HeapPressure.LIMIT);
        assertThat(HeapPressure.share(new MemoryUsage(0, 0, 0, -1))).isZero();
    }

    @Test
    void theReplicaIsReadyWithRoomLeft() {
        assertThat(new HeapPressure().call().getStatus().name()).isEqualTo("UP");
    }
}

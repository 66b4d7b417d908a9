package dev.rapport.platform;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts the SQL statements sent while a piece of work runs, from the log categories the test profile enables:
 * {@code org.hibernate.SQL} (Hibernate) and {@code dev.rapport.SQL} (statements sent straight to the pool). Used to
 * prove that nested reads are batched, not issued per row.
 */
public final class SqlStatementCounter {

    private SqlStatementCounter() {}

    /**
     * Counts the statements whose SQL matches {@code which} while {@code work} runs. Background work (event-log
     * consumers, the webhook sender) runs SQL at the same time, so a test names the tables it is about.
     */
    public static <T> Counted<T> count(java.util.function.Predicate<String> which, Supplier<T> work) {
        AtomicInteger statements = new AtomicInteger();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getMessage() != null && which.test(record.getMessage())) {
                    statements.incrementAndGet();
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        List<Logger> loggers = List.of(Logger.getLogger("org.hibernate.SQL"), Logger.getLogger("dev.rapport.SQL"));
        loggers.forEach(logger -> logger.addHandler(handler));
        try {
            T result = work.get();
            return new Counted<>(result, statements.get());
        } finally {
            loggers.forEach(logger -> logger.removeHandler(handler));
        }
    }

    public record Counted<T>(T result, int statements) {}
}

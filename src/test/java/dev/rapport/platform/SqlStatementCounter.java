package dev.rapport.platform;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts the SQL statements Hibernate sends while a piece of work runs, from the {@code org.hibernate.SQL} log
 * category the test profile enables. Used to prove that nested reads are batched, not issued per row.
 */
public final class SqlStatementCounter {

    private SqlStatementCounter() {
    }

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
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("org.hibernate.SQL");
        logger.addHandler(handler);
        try {
            T result = work.get();
            return new Counted<>(result, statements.get());
        } finally {
            logger.removeHandler(handler);
        }
    }

    public record Counted<T>(T result, int statements) {
    }
}

package dev.rapport.customer.api;

import java.util.List;

/**
 * An extension point: a domain's part of answering a privacy request about one customer. Every domain whose tables
 * hold a customer's id implements it as a CDI bean, declaratively: which rows go into a subject access export, and
 * which statements erase or anonymize the customer's personal data while keeping what the business must keep
 * (ledger sums, scores, counts). Every statement is native SQL with the customer's id bound as {@code :customer};
 * an erasure runs all of them in one transaction. A test fails when a table references customers and no step names
 * it.
 */
public interface CustomerPrivacyStep {

    /** The columns, as {@code table.column}, of this domain that hold a customer's id: all covered below. */
    List<String> customerColumns();

    /** This domain's parts of an export document, each the rows of a query. */
    List<Part> exports();

    /**
     * The statements that erase the customer's personal data from this domain, each reported with its table and
     * what it did to how many rows.
     */
    List<Erasure> erasures();

    /**
     * A query of {@code (subject_type, subject_id)} pairs, both as text: the subjects under which this domain's events about the
     * customer's records were logged (their stored payloads are redacted). Run before the erasures; null when the
     * domain logs none under subjects of its own.
     */
    default String eventSubjects() {
        return null;
    }

    /** The event types of this domain that name the customer as {@code data.customerId} under another subject. */
    default List<String> eventTypesNamingCustomer() {
        return List.of();
    }

    /** A part of an export document: a name and a query of rows (every column, as JSON). */
    record Part(String name, String query) {}

    /** An erasure statement, reported with its table and action. */
    record Erasure(String table, Action action, String statement) {

        /** Rows deleted. */
        public static Erasure deleted(String table, String statement) {
            return new Erasure(table, Action.DELETED, statement);
        }

        /** Rows kept with their personal data replaced (nulls, empty values or redacted JSON). */
        public static Erasure anonymized(String table, String statement) {
            return new Erasure(table, Action.ANONYMIZED, statement);
        }

        /** Rows kept as they are (they hold no personal data once the profile is gone): counted for the report. */
        public static Erasure kept(String table, String condition) {
            return new Erasure(table, Action.KEPT, "select count(*) from " + table + " where " + condition);
        }
    }

    /** What an erasure statement does to its rows. */
    enum Action {
        DELETED,
        ANONYMIZED,
        KEPT
    }
}

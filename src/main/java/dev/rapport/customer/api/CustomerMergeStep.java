package dev.rapport.customer.api;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * An extension point: a domain's part of merging two customers. Every domain whose tables hold a customer's id
 * implements it as a CDI bean and moves its records from the merged customer to the survivor, in the merge's
 * transaction (native SQL through the current session, or its own services). A test fails when a table
 * references customers and no step names it.
 */
public interface CustomerMergeStep {

    /**
     * The columns, as {@code table.column}, of this domain that hold a customer's id: every one of them is handled
     * by {@link #move} (moved, combined or deliberately kept).
     */
    List<String> customerColumns();

    /** Moves the merged customer's records to the survivor; how many rows of which table moved. */
    Uni<List<MovedRecords>> move(UUID mergedId, UUID survivorId);

    /**
     * Points the rows of {@code table} whose {@code column} holds the merged customer at the survivor, in the current
     * transaction: the move of a table without rules of its own.
     */
    static Uni<MovedRecords> reassign(String table, String column, UUID mergedId, UUID survivorId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "update " + table + " set " + column + " = :survivor where " + column + " = :merged")
                        .setParameter("survivor", survivorId)
                        .setParameter("merged", mergedId)
                        .executeUpdate())
                .map(count -> new MovedRecords(table, count));
    }
}

package dev.rapport.platform.error;

import jakarta.validation.ConstraintViolationException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;

/**
 * What a failure means to the caller, however deeply it is wrapped (Mutiny's composite failures, Hibernate's and the
 * PostgreSQL client's exceptions): the one translation REST ({@link ProblemMappers}) and GraphQL
 * ({@link GraphQLErrors}) share. A domain failure or bean validation as it is; a security refusal; a race lost to a
 * concurrent request (a unique violation, a deadlock or serialization failure); text PostgreSQL cannot store. Null for
 * anything else, which is unexpected.
 */
final class KnownFailures {

    private KnownFailures() {}

    static DomainException of(Throwable failure) {
        DomainException found = find(failure, 0);
        if (found != null) {
            return found;
        }
        if (hasSqlState(failure, "23505")) {
            // a uniqueness rule checked in the service lost a race to a concurrent request; the database kept it
            return new DomainException(
                    ProblemType.CONFLICT, "A record with the same unique values was created by a concurrent request");
        }
        if (hasSqlState(failure, "40P01") || hasSqlState(failure, "40001")) {
            return new DomainException(
                    ProblemType.CONCURRENT_MODIFICATION, "The request collided with a concurrent one; retry it");
        }
        if (hasSqlState(failure, "22021") || hasSqlState(failure, "22P05")) {
            // NUL in a text column, or a JSONB \\u0000: bodies are refused before (PlainText), this is the net for
            // what reaches the database another way (a GraphQL literal, an attribute value)
            return new DomainException(
                    ProblemType.MALFORMED_REQUEST, "Text must not contain NUL or other control characters");
        }
        return null;
    }

    private static DomainException find(Throwable failure, int depth) {
        if (failure == null || depth > 20) {
            return null;
        }
        if (failure instanceof DomainException domain) {
            return domain;
        }
        if (failure instanceof ConstraintViolationException violations) {
            return DomainException.invalid(violations);
        }
        if (failure instanceof ForbiddenException) {
            return new DomainException(
                    ProblemType.FORBIDDEN, "The caller's roles or scopes do not allow this operation");
        }
        if (failure instanceof UnauthorizedException || failure instanceof AuthenticationFailedException) {
            return new DomainException(ProblemType.UNAUTHORIZED, "A valid bearer token is required");
        }
        if (failure instanceof CompositeException composite) {
            for (Throwable cause : composite.getCauses()) {
                DomainException found = find(cause, depth + 1);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        return failure.getCause() == failure ? null : find(failure.getCause(), depth + 1);
    }

    private static boolean hasSqlState(Throwable failure, String state) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && state.equals(pg.getSqlState())) {
                return true;
            }
            if (t instanceof org.hibernate.JDBCException jdbc && state.equals(jdbc.getSQLState())) {
                return true;
            }
            if (t instanceof CompositeException composite) {
                return composite.getCauses().stream().anyMatch(cause -> hasSqlState(cause, state));
            }
            if (t.getCause() == t) {
                return false;
            }
        }
        return false;
    }
}

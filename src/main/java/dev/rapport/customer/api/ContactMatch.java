package dev.rapport.customer.api;

import java.util.UUID;

/** A customer found by a contact point: its id, and which contact matched ({@code email} or {@code phone}). */
public record ContactMatch(UUID customerId, String matchedBy) {}

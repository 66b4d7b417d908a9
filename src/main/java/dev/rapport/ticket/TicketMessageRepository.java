package dev.rapport.ticket;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Ticket messages inside write transactions; callers read them through {@link TicketQueries}. */
@ApplicationScoped
public class TicketMessageRepository implements PanacheRepositoryBase<TicketMessage, UUID> {}

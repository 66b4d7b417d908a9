package dev.rapport.platform.action;

import java.util.List;

/**
 * An extension point: a domain's actions, what a trigger can do. Implement it as a CDI bean and
 * {@link ActionCatalog} offers its actions to every trigger; the automation engine is not edited. The customer
 * domain provides tags, attributes and owners, the segment domain static lists; a ticket domain would add
 * {@code createTicket}, loyalty {@code awardPoints}.
 */
public interface ActionSource {

    /** The actions, with names unique across all sources. */
    List<ActionType> actions();
}

package dev.rapport.customer;

/** The customer domain's parts of the customer 360 view, which {@code ?expand=} may add (see {@link CustomerExpand}). */
public enum CustomerExpansion {
    PURCHASES,
    INTERACTIONS,
    STATS;

    /** How many recent purchases and interactions an expanded customer carries. */
    public static final int RECENT = 10;
}

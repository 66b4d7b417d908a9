package dev.rapport.customer;

/**
 * What a customer list is restricted to.
 *
 * @param filter an RSQL expression over the allow-listed fields, or null
 * @param query free text searched in names, emails and phone numbers, or null
 * @param includeDeleted whether soft-deleted customers are listed too (admins only)
 * @param partnerId only customers of this partner, or null for all (people)
 */
public record CustomerCriteria(String filter, String query, boolean includeDeleted, String partnerId) {}

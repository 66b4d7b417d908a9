package dev.rapport.customer.api;

import java.util.UUID;

/**
 * How another domain may reach a customer (a survey's messaging): the primary email and phone (E.164), the locale,
 * the partner, and the marketing consents per channel (null: none recorded).
 */
public record CustomerReach(
        UUID id,
        String partnerId,
        String email,
        String phone,
        String locale,
        Boolean emailConsent,
        Boolean smsConsent,
        Boolean pushConsent) {}

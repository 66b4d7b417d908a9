package dev.rapport.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import dev.rapport.platform.error.Problem.FieldError;

/** Money amounts shown with their currency's minor units: 129.9 EUR as 129.90, 500 JPY as 500. */
public final class Amounts {

    private Amounts() {}

    public static BigDecimal scaled(BigDecimal amount, String currency) {
        if (amount == null || currency == null) {
            return amount;
        }
        int digits = Math.max(0, fractionDigits(currency.trim()));
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() <= digits ? amount.setScale(digits, RoundingMode.UNNECESSARY) : stripped;
    }

    /**
     * What is wrong with an amount in a currency, as a field error on {@code currencyField} or {@code amountField};
     * null when the currency is an ISO 4217 one and the amount has at most its minor units.
     */
    public static FieldError check(BigDecimal amount, String currency, String amountField, String currencyField) {
        int digits = fractionDigits(currency);
        if (digits < 0) {
            return new FieldError(currencyField, "'" + currency + "' is not an ISO 4217 currency");
        }
        if (amount.stripTrailingZeros().scale() > digits) {
            return new FieldError(amountField, currency + " amounts have at most " + digits + " decimal places");
        }
        return null;
    }

    /** The minor units of an ISO 4217 currency, or -1 when the code is not a known currency. */
    public static int fractionDigits(String currency) {
        try {
            return Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}

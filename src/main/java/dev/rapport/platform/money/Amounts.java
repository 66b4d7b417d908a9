package dev.rapport.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

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

    /** The minor units of an ISO 4217 currency, or -1 when the code is not a known currency. */
    public static int fractionDigits(String currency) {
        try {
            return Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}

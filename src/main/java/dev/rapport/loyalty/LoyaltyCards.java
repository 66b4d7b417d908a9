package dev.rapport.loyalty;

import java.security.SecureRandom;

/**
 * Card numbers: 16 digits, the last a Luhn check digit, so a mistyped digit or two swapped neighbours are caught
 * before a lookup; printed in groups of four. The first 15 are random, and the database keeps them unique.
 */
final class LoyaltyCards {

    static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private LoyaltyCards() {}

    /** A new random card number with its check digit. */
    static String newNumber() {
        StringBuilder digits = new StringBuilder(LENGTH);
        digits.append(1 + RANDOM.nextInt(9));
        while (digits.length() < LENGTH - 1) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.append(checkDigit(digits)).toString();
    }

    /** The number without the spaces or dashes a person types, or null when it is not a valid card number. */
    static String normalized(String typed) {
        if (typed == null) {
            return null;
        }
        String digits = typed.replace(" ", "").replace("-", "");
        if (digits.length() != LENGTH || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return checkDigit(digits.substring(0, LENGTH - 1)) == digits.charAt(LENGTH - 1) - '0' ? digits : null;
    }

    /** The Luhn check digit of {@code payload}. */
    static int checkDigit(CharSequence payload) {
        int sum = 0;
        boolean twice = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int digit = payload.charAt(i) - '0';
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }
}

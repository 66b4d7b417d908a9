package dev.rapport.customer;

import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;

import dev.rapport.platform.config.RapportConfig;

/**
 * The standard forms of contact points, with Google's libphonenumber: a phone number in E.164 with its type and
 * validity, read in the national format of the caller's region when it has no country code; and the form of an
 * email address that duplicates are matched on.
 */
@ApplicationScoped
class ContactStandards {

    /** Unknown region: only numbers with a country code parse. */
    private static final String NO_REGION = "ZZ";

    /** No-break spaces, which numbers copied from web pages and address books have, and libphonenumber keeps. */
    private static final Pattern NO_BREAK_SPACE = Pattern.compile("[\\u00a0\\u2007\\u202f]");

    private static final Pattern GMAIL = Pattern.compile("@(gmail|googlemail)\\.com$");

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final RapportConfig.Contacts config;

    @Inject
    ContactStandards(RapportConfig config) {
        this(config.contacts());
    }

    ContactStandards(RapportConfig.Contacts config) {
        this.config = config;
    }

    /**
     * A number in standard form, as stored.
     *
     * @param e164 the number in E.164 (+ and country code, digits only)
     * @param type mobile, fixed_line, fixed_line_or_mobile, toll_free, voip, ... or null when the numbering plan
     *     does not tell
     * @param valid whether the number is assigned in its numbering plan (a possible but invalid one is kept)
     */
    record StandardPhone(String e164, String type, boolean valid) {}

    /**
     * {@code raw} as a phone number of a customer of {@code partnerScope} (null: in-house), or null when it is not a
     * possible phone number (no country code and no region to read it in, too short or too long).
     */
    StandardPhone phone(String raw, String partnerScope) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String compact = compact(raw);
        try {
            Phonenumber.PhoneNumber number = phones.parse(compact, region(partnerScope));
            if (!phones.isPossibleNumber(number)) {
                return null;
            }
            boolean valid = phones.isValidNumber(number);
            return new StandardPhone(phones.format(number, PhoneNumberFormat.E164), valid ? type(number) : null, valid);
        } catch (NumberParseException e) {
            return null;
        }
    }

    /**
     * {@code raw} in E.164 when it is an international number, else as given without surrounding blanks: how a
     * filter's value is compared with stored numbers.
     */
    static String international(String raw) {
        if (raw == null) {
            return null;
        }
        String compact = compact(raw);
        try {
            Phonenumber.PhoneNumber number = PhoneNumberUtil.getInstance().parse(compact, NO_REGION);
            return PhoneNumberUtil.getInstance().format(number, PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return compact;
        }
    }

    /** Why {@link #phone} refused a number, for the caller's problem. */
    String phoneRule(String partnerScope) {
        String region = region(partnerScope);
        return NO_REGION.equals(region)
                ? "must be a phone number in international form: + and the country code, e.g. +44 20 7946 0958"
                : "must be a phone number: international (+ and country code) or national in " + region;
    }

    /**
     * The form a normalized address is matched on when looking for duplicates: with the Gmail rule, a Gmail
     * address without the dots and the +tag of its local part.
     */
    String emailMatchKey(String normalized) {
        if (normalized == null
                || !config.gmailRule()
                || !GMAIL.matcher(normalized).find()) {
            return normalized;
        }
        int at = normalized.lastIndexOf('@');
        String local = normalized.substring(0, at);
        int tag = local.indexOf('+');
        if (tag >= 0) {
            local = local.substring(0, tag);
        }
        return local.replace(".", "") + "@gmail.com";
    }

    /** Without no-break spaces and surrounding blanks, and with + for a leading 00 (the international prefix). */
    private static String compact(String raw) {
        String compact = NO_BREAK_SPACE.matcher(raw).replaceAll(" ").strip();
        return compact.startsWith("00") ? "+" + compact.substring(2) : compact;
    }

    private String region(String partnerScope) {
        String region = partnerScope == null ? null : config.partnerRegions().get(partnerScope);
        if (region == null) {
            region = config.defaultRegion().orElse(NO_REGION);
        }
        return region.toUpperCase(Locale.ROOT);
    }

    private String type(Phonenumber.PhoneNumber number) {
        PhoneNumberUtil.PhoneNumberType type = phones.getNumberType(number);
        return type == PhoneNumberUtil.PhoneNumberType.UNKNOWN
                ? null
                : type.name().toLowerCase(Locale.ROOT);
    }
}

package dev.rapport.platform.filter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The {@code {now}} and {@code {today}} of a field's SQL, each bound once per statement where used. */
final class BoundTimes {

    private final SqlParams params;
    private final Instant now;
    private String nowParam;
    private String todayParam;

    BoundTimes(SqlParams params, Instant now) {
        this.params = params;
        this.now = now;
    }

    /** {@code sql} with its time placeholders replaced by bound parameters. */
    String expand(String sql) {
        if (sql.contains("{now}")) {
            if (nowParam == null) {
                nowParam = "cast(" + params.bind(now.atOffset(ZoneOffset.UTC)) + " as timestamptz)";
            }
            sql = sql.replace("{now}", nowParam);
        }
        if (sql.contains("{today}")) {
            if (todayParam == null) {
                todayParam = "cast(" + params.bind(LocalDate.ofInstant(now, ZoneOffset.UTC)) + " as date)";
            }
            sql = sql.replace("{today}", todayParam);
        }
        return sql;
    }

    static boolean reads(String sql) {
        return sql.contains("{now}") || sql.contains("{today}");
    }
}

package com.merchantmetrics.digest;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

import com.merchantmetrics.tenant.TenantRole;

/** When a person wants the weekly summary of one tenant: on or off, the day and the hour in the tenant's time zone. */
public record DigestPreference(boolean enabled, DayOfWeek day, int hour) {

    public static DigestPreference defaultFor(TenantRole role) {
        return new DigestPreference(role == TenantRole.owner || role == TenantRole.account_manager, DayOfWeek.MONDAY, 8);
    }

    /** 1 = Monday … 7 = Sunday, as the form sends it. */
    public int dayNumber() {
        return day.getValue();
    }

    /**
     * The week (its Monday in the zone) whose summary is due at {@code now}: the chosen moment of that week has passed
     * by less than {@code catchUp}. A later start sends nothing for that week rather than a stale summary.
     */
    public Optional<LocalDate> dueWeek(Instant now, ZoneId zone, Duration catchUp) {
        LocalDate monday = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (LocalDate week : List.of(monday, monday.minusWeeks(1))) {
            Instant due = week.plusDays(day.getValue() - 1L).atTime(hour, 0).atZone(zone).toInstant();
            if (!now.isBefore(due) && now.isBefore(due.plus(catchUp))) {
                return Optional.of(week);
            }
        }
        return Optional.empty();
    }
}

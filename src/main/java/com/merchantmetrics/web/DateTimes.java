package com.merchantmetrics.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import com.merchantmetrics.dashboard.Formats;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;

/** Instants on pages: {@code {key.createdAt.localTime(tenant.timeZone)}} gives the date and time in the page's language. */
@TemplateExtension
public final class DateTimes {

    private DateTimes() {
    }

    static String localTime(Instant instant, String zone, @TemplateAttribute("locale") Object locale) {
        return Formats.dateTime(instant, ZoneId.of(zone), locale instanceof Locale known ? known : Locale.forLanguageTag(String.valueOf(locale)));
    }
}

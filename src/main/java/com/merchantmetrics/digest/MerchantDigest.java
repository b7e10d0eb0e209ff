package com.merchantmetrics.digest;

import java.util.List;

/** A merchant summary as one recipient reads it: every text in their language, every number formatted. */
public record MerchantDigest(String subject, String tenantName, String intro, boolean hasData, Section monthToDate,
        Section lastMonth, List<Line> movements, List<String> churnReasons, String renewalsDue, List<String> highlights,
        String freshness,
        Links links, String why) {

    public List<Section> sections() {
        return List.of(monthToDate, lastMonth);
    }

    public record Section(String title, List<Line> lines) {
    }

    /** before and change are "–" when there is nothing to compare. */
    public record Line(String label, String now, String before, String change) {
    }

    public record Links(String dashboards, String preferences, String unsubscribe) {
    }
}

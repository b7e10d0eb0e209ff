package com.merchantmetrics.portfolio;

import com.merchantmetrics.web.Messages;

/**
 * Why a client needs attention. kind: ltv_cac (value below threshold), churn_up (value in percentage points),
 * no_upload_yet, or no_upload (value in days); worded per language by {@link Messages#portfolioFlag}.
 */
public record PortfolioFlag(String kind, String value, String threshold) {

    public String text(Messages msg) {
        return msg.portfolioFlag(kind, value, threshold);
    }
}

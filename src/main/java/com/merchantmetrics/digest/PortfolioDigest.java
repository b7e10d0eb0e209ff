package com.merchantmetrics.digest;

import java.util.List;

/** An account manager's summary: the portfolio table of the clients they opted in for, flagged clients first. */
public record PortfolioDigest(String subject, String intro, List<Client> clients, String portfolioUrl, String unsubscribeUrl) {

    public record Client(String name, String url, String mrr, String netNewMrr, String churn, String ltvCac, String flags,
            boolean flagged) {
    }
}

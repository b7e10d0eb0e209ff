package com.merchantmetrics.demo;

/** The two demo merchants the generator can produce. */
public enum DemoProfile {

    /** "Acme Wholesale": a B2B wholesaler with invoices, credit notes, a sales team, leads and supply contracts. */
    B2B_WHOLESALE("Acme Wholesale", "EUR"),

    /** "Bloom Box": a D2C flower subscription shop with gifts, trials, plan changes and seasonal peaks. */
    D2C_SUBSCRIPTION("Bloom Box", "USD");

    private final String companyName;
    private final String reportingCurrency;

    DemoProfile(String companyName, String reportingCurrency) {
        this.companyName = companyName;
        this.reportingCurrency = reportingCurrency;
    }

    public String companyName() {
        return companyName;
    }

    /** The currency this merchant reports in; its own files need no exchange rates for it. */
    public String reportingCurrency() {
        return reportingCurrency;
    }
}

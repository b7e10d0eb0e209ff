package com.merchantmetrics.digest;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the weekly summaries and of the pages about them (settings, unsubscribe, undelivered summaries),
 * English by default; Vietnamese in messages/digest_vi.properties.
 */
@MessageBundle(value = "digest", locale = "en")
public interface DigestMessages {

    @Message("Your week at {tenant}")
    String subject(String tenant);

    @Message("Your clients this week")
    String portfolioSubject();

    @Message("Weekly summary")
    String title();

    @Message("{tenant}, as of {date}")
    String intro(String tenant, String date);

    @Message("The figures come from the monthly rollup, so they compare months: this month so far with last month, and last month with the month before. Weekly figures are not computed.")
    String monthlyNote();

    @Message("This month so far ({month})")
    String monthToDate(String month);

    @Message("Last month ({month})")
    String lastMonth(String month);

    @Message("Metric")
    String metric();

    @Message("Now")
    String now();

    @Message("Before")
    String before();

    @Message("Change")
    String change();

    @Message("MRR")
    String mrr();

    @Message("Net new MRR")
    String netNewMrr();

    @Message("New customers")
    String newCustomers();

    @Message("Churned customers")
    String churnedCustomers();

    @Message("Visitor conversion")
    String visitorConversion();

    @Message("Lead conversion")
    String leadConversion();

    @Message("CAC (trailing)")
    String cac();

    @Message("LTV:CAC")
    String ltvCac();

    @Message("New MRR")
    String newMrr();

    @Message("Expansion MRR")
    String expansionMrr();

    @Message("Reactivation MRR")
    String reactivationMrr();

    @Message("Contraction MRR")
    String contractionMrr();

    @Message("Churned MRR")
    String churnedMrr();

    @Message("Net new MRR movements last month")
    String movements();

    @Message("Top churn reasons last month")
    String churnReasons();

    @Message("{reason}: {customers} customers, {mrr} MRR")
    String churnReason(String reason, long customers, String mrr);

    @Message("no reason given")
    String noReason();

    @Message("What moved")
    String whatMoved();

    @Message("{metric} rose {change}")
    String rose(String metric, String change);

    @Message("{metric} fell {change}")
    String fell(String metric, String change);

    @Message("{metric} rose {change} to {value}")
    String roseTo(String metric, String change, String value);

    @Message("{metric} fell {change} to {value}")
    String fellTo(String metric, String change, String value);

    @Message("{sentence}: {reason}")
    String because(String sentence, String reason);

    @Message("{customers} customers churned ({reasons})")
    String customersChurned(long customers, String reasons);

    @Message("{movement} was {value}, against {previous} the month before")
    String movementWas(String movement, String value, String previous);

    @Message("{metric}: {value}, against {previous} the month before")
    String countWas(String metric, String value, String previous);

    @Message("{metric} moved {change}")
    String moved(String metric, String change);

    @Message("Nothing moved noticeably last month.")
    String nothingMoved();

    @Message("Renewals due in the 30 days from today: {count}, with {mrrAtRisk} of MRR at risk.")
    String renewalsDue(long count, String mrrAtRisk);

    @Message("MRR, last 12 months")
    String trendTitle();

    @Message("Month by month (the rollup is monthly); the last month is the month so far.")
    String trendNote();

    @Message("MRR trend of the last 12 months")
    String trendAlt();

    @Message("Figures computed {time} (UTC)")
    String freshness(String time);

    @Message("No data uploaded yet: upload your files to see figures here.")
    String noData();

    @Message("Open the dashboards")
    String openDashboards();

    @Message("Choose when you get this e-mail")
    String preferences();

    @Message("Unsubscribe")
    String unsubscribe();

    @Message("You get this e-mail as {role} of {tenant}.")
    String why(String role, String tenant);

    @Message("You get this e-mail as account manager of these clients.")
    String whyPortfolio();

    @Message("{count} clients, {flagged} flagged, figures of {month}")
    String portfolioIntro(int count, long flagged, String month);

    @Message("Client")
    String client();

    @Message("Customer churn")
    String customerChurn();

    @Message("Flags")
    String flags();

    @Message("Open the portfolio")
    String openPortfolio();

    // --- the e-mail summary settings page, the unsubscribe pages, undelivered summaries (administration) ----
    @Message("Weekly e-mail summary")
    String weeklyEmailSummary();

    @Message("As account manager you get one e-mail a week with the portfolio table of every client you keep it on for; this setting is for {tenant}.")
    String emailSummaryPortfolioIntro(String tenant);

    @Message("Once a week: what moved in {tenant}'s numbers and why, this month so far and last month against the month before, with the MRR trend.")
    String emailSummaryMerchantIntro(String tenant);

    @Message("Times are in the tenant's time zone, {zone}. Every e-mail has a one-click unsubscribe link.")
    String emailSummaryTimes(String zone);

    @Message("Send me the weekly summary of {tenant}")
    String sendMeTheSummary(String tenant);

    @Message("Day")
    String day();

    @Message("Hour")
    String hour();

    @Message("Preview this week's e-mail")
    String previewEmail();

    @Message("Send me a test")
    String sendMeATest();

    @Message("Choose a day (1 = Monday … 7 = Sunday) and an hour from 0 to 23.")
    String chooseDayAndHour();

    @Message("Saved.")
    String saved();

    @Message("A test e-mail is on its way to {email}.")
    String testEmailOnItsWay(String email);

    @Message("The test e-mail to {email} could not be sent: the mail server did not take it. Try again in a few minutes.")
    String testEmailNotSent(String email);

    @Message("Your weekly e-mail summary of {tenant}:")
    String yourEmailSummaryOf(String tenant);

    @Message("Stop getting {what}?")
    String stopGetting(String what);

    @Message("Unsubscribed")
    String unsubscribed();

    @Message("You will no longer get {what}. You can turn it on again on the tenant's “E-mail summary” page.")
    String noLongerGet(String what);

    @Message("the weekly portfolio summary of your clients")
    String portfolioSummaryOfClients();

    @Message("the weekly summary of {tenant}")
    String weeklySummaryOf(String tenant);

    @Message("this tenant")
    String thisTenant();

    @Message("This unsubscribe link is not valid.")
    String unsubscribeLinkNotValid();

    @Message("E-mail summaries")
    String emailSummaries();

    @Message("Summaries that failed at least once. Pending ones are retried with growing back-off; failed ones were given up after the last attempt. Sent summaries are not listed.")
    String undeliveredExplained();

    @Message("Recipient")
    String recipient();

    @Message("Summary")
    String summary();

    @Message("Week")
    String week();

    @Message("Attempts")
    String attempts();

    @Message("Next attempt (UTC)")
    String nextAttemptUtc();

    @Message("Last error")
    String lastError();

    @Message("{#when failure}{#is 'not_written'}The summary could not be written: its figures could not be read."
            + "{#is 'mailbox_refused'}The mail server refused the address: the mailbox does not exist, is full or is blocked."
            + "{#is 'server_unreachable'}The mail server could not be reached."
            + "{#is 'authentication_failed'}The mail server refused the application's sign-in: check the SMTP user name and password."
            + "{#else}The mail server or the mailer reported another error.{/when}")
    String deliveryFailure(String failure);

    @Message("{#when status}{#is 'pending'}pending{#is 'failed'}failed{#is 'sent'}sent{#else}{status}{/when}")
    String sendStatus(String status);

    @Message("Every summary went out.")
    String everySummaryWentOut();
}

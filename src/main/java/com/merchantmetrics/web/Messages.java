package com.merchantmetrics.web;

import com.merchantmetrics.dashboard.Period;
import com.merchantmetrics.metrics.MetricDefinition;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the pages, in English; other languages in {@code messages/msg_<language>.properties}. Templates use
 * {@code {msg:key}}; Java code gets the bundle of a locale from {@link Languages}. Metric names, formulas and
 * explanations stay in English in the metric catalogue (the API and docs serve those) and are translated here by id.
 * Quarkus 3.30 generates broken code for a bundle of more than 300 messages: a feature with many texts gets a bundle
 * of its own (the uploads pages: {@code ingest.UploadMessages}).
 */
@MessageBundle(locale = "en")
public interface Messages {

    // --- page shell --------------------------------------------------------------------------------------------
    @Message("Merchant Metrics")
    String productName();

    @Message("Skip to the content")
    String skipToContent();

    @Message("Main")
    String mainNavigation();

    @Message("Choose a tenant")
    String chooseTenant();

    @Message("Your tenants")
    String yourTenants();

    @Message("No tenants yet")
    String noTenantsYet();

    @Message("Portfolio")
    String portfolio();

    @Message("Administration")
    String administration();

    @Message("Account")
    String account();

    @Message("Sign out")
    String signOut();

    @Message("Language")
    String language();

    @Message("As my browser says")
    String languageFromBrowser();

    @Message("Save")
    String save();

    @Message("Overview")
    String overview();

    @Message("Acquisition")
    String acquisition();

    @Message("Retention")
    String retention();

    @Message("Revenue")
    String revenue();

    @Message("Uploads")
    String uploads();

    @Message("Settings")
    String settings();

    @Message("Members")
    String members();

    @Message("API keys")
    String apiKeys();

    @Message("Audit log")
    String auditLog();

    /** A role by its name (owner, analyst, viewer, account_manager). */
    @Message("{#when name}{#is 'owner'}Owner{#is 'analyst'}Analyst{#is 'viewer'}Viewer{#is 'account_manager'}Account manager{#else}{name}{/when}")
    String role(String name);

    @Message("Show")
    String show();

    @Message("From")
    String from();

    @Message("To")
    String to();

    @Message("Download CSV")
    String downloadCsv();

    @Message("yes")
    String yes();

    @Message("not yet")
    String notYet();

    @Message("Actions")
    String actions();

    @Message("E-mail")
    String email();

    @Message("Name")
    String name();

    @Message("Role")
    String roleHeading();

    @Message("Signed in")
    String signedIn();

    @Message("When")
    String when();

    @Message("Status")
    String status();

    @Message("Rows")
    String rows();

    @Message("Dataset")
    String dataset();

    @Message("Time zone")
    String timeZone();

    @Message("Reporting currency")
    String reportingCurrency();

    // --- home, sign-out, errors --------------------------------------------------------------------------------
    @Message("You do not have access to any tenant yet.")
    String noAccessYet();

    @Message("Ask a platform administrator or a tenant owner to add {email}; the tenant appears here at your next sign-in.")
    String askForAccess(String email);

    @Message("Signed out")
    String signedOutTitle();

    @Message("You are signed out")
    String signedOutHeading();

    @Message("Your session here and at the sign-in service has ended.")
    String sessionEnded();

    @Message("Sign in again")
    String signInAgain();

    @Message("Not found")
    String notFound();

    @Message("There is no such page, or it belongs to a tenant you are not a member of.")
    String notFoundExplained();

    // --- dashboards --------------------------------------------------------------------------------------------
    @Message("{#when period.range}{#is '3m'}Last 3 months{#is '6m'}Last 6 months{#is '12m'}Last 12 months{#is 'ytd'}Year to date{#else}Custom range{/when}")
    String periodLabel(Period period);

    @Message("{#when problem.kind}"
            + "{#is 'unknown_range'}Unknown date range \"{problem.value}\"; showing the last 12 months."
            + "{#is 'ends_before_start'}The custom range ends ({problem.otherValue}) before it starts ({problem.value}); showing the last 12 months."
            + "{#is 'too_long'}A custom range covers at most {problem.value} months; showing the last 12 months."
            + "{#else}A custom range needs months like 2024-01 in both From and To; showing the last 12 months.{/when}")
    String periodProblem(Period.Problem problem);

    @Message("{period} ({from} to {to}) · amounts in {currency}")
    String periodAndCurrency(String period, String from, String to, String currency);

    @Message("No data yet for {tenant}.")
    String noDataYet(String tenant);

    @Message("Every number here comes from your uploads: orders, subscriptions, marketing spend, traffic, leads and FX rates.")
    String numbersComeFromUploads();

    @Message("Go to uploads")
    String goToUploads();

    @Message("Figures as of {refreshedAt}. Tiles show {month}; the current month is month to date.")
    String figuresAsOf(String refreshedAt, String month);

    @Message("More on these pages:")
    String moreOnGroupPages();

    @Message("Period")
    String period();

    @Message("Last 3 months")
    String last3Months();

    @Message("Last 6 months")
    String last6Months();

    @Message("Last 12 months")
    String last12Months();

    @Message("Year to date")
    String yearToDate();

    @Message("Custom")
    String custom();

    // --- dashboard filters: view, segment, channel, country, plan ------------------------------------------------
    @Message("View")
    String filterView();

    @Message("Monthly")
    String viewMonthly();

    @Message("Trailing 12 months")
    String viewTrailing12Months();

    @Message("Each month shows the 12 months ending with it: flows (revenue, new customers, MRR movements, spend) summed, "
            + "MRR and other stocks at the month's end, rates and CAC recomputed from the 12-month sums.")
    String trailing12MonthsNote();

    @Message("Segment")
    String filterSegment();

    @Message("Channel")
    String filterChannel();

    @Message("Country")
    String filterCountry();

    @Message("Plan")
    String filterPlan();

    @Message("All")
    String filterAll();

    @Message("Only customers with {filters}. A number these filters cannot restrict says why.")
    String filtersApplied(String filters);

    @Message("A filter in the link was not understood and is not applied: {#when problem.parameter}"
            + "{#is 'view'}unknown view \"{problem.value}\": choose monthly or t12m"
            + "{#is 'segment'}unknown segment \"{problem.value}\": choose b2b or b2c"
            + "{#is 'country'}\"country\" must be a two-letter country code like DE, not \"{problem.value}\""
            + "{#else}\"{problem.parameter}\" is longer than 255 characters{/when}")
    String filterIgnored(Period.FilterProblem problem);

    @Message("Download all metrics (CSV)")
    String downloadAllMetrics();

    @Message("Print")
    String print();

    @Message("vs previous month")
    String vsPreviousMonth();

    @Message("vs a year earlier")
    String vsYearEarlier();

    @Message("Upload")
    String upload();

    @Message("and")
    String and();

    @Message("Trend of {metric} over the period")
    String trendOf(String metric);

    @Message("How is this calculated?")
    String howIsThisCalculated();

    @Message("This number ({month}):")
    String thisNumber(String month);

    @Message("No data for this chart in the period yet.")
    String noChartData();

    @Message("{title}: chart; the same data is in the table below")
    String chartAlt(String title);

    @Message("Show the data as a table")
    String showAsTable();

    @Message("pts")
    String points();

    @Message("MMM yyyy")
    String monthPattern();

    @Message("Month")
    String month();

    @Message("{#when dimension}{#is 'channel'}Channel{#is 'reason'}Reason{#is 'landing_page'}Landing page{#else}{dimension}{/when}")
    String dimension(String dimension);

    @Message("{title} in {month}.")
    String breakdownInMonth(String title, String month);

    @Message("{title}, {period}.")
    String breakdownOverPeriod(String title, String period);

    @Message("MRR and revenue")
    String chartOverviewMrr();

    @Message("Month-end MRR and the revenue of completed orders.")
    String chartOverviewMrrDescription();

    @Message("Conversion funnel")
    String chartConversion();

    @Message("Visitors who bought, split into one-time and subscription buyers.")
    String chartConversionDescription();

    @Message("Lead conversion and days to close per channel")
    String chartLeadConversion();

    @Message("CAC per channel")
    String chartCacChannel();

    @Message("Marketing and sales spend")
    String chartSpend();

    @Message("Spend of each month by category.")
    String chartSpendDescription();

    @Message("Visitor conversion per channel")
    String chartVisitorConversionChannel();

    @Message("MRR movements")
    String chartMrrMovements();

    @Message("New, expansion and reactivation MRR above zero; contraction and churn below; the line is net new MRR.")
    String chartMrrMovementsDescription();

    @Message("Churn rates")
    String chartChurnRates();

    @Message("Customer churn and gross and net MRR churn per month.")
    String chartChurnRatesDescription();

    @Message("Churned MRR by reason")
    String chartChurnReasons();

    @Message("MRR and ARR")
    String chartMrrArr();

    @Message("Month-end MRR and ARR.")
    String chartMrrArrDescription();

    @Message("Revenue and orders")
    String chartRevenue();

    @Message("Revenue of completed orders (refunds negative).")
    String chartRevenueDescription();

    @Message("ARPA and average order value")
    String chartOrderValue();

    @Message("Average revenue per account and per order.")
    String chartOrderValueDescription();

    @Message("Repeat purchase rate")
    String chartRepeat();

    @Message("Customers with two or more orders among all buyers so far.")
    String chartRepeatDescription();

    // --- metrics, by id (the English is the catalogue's) ------------------------------------------------------
    @Message("{definition.name}")
    String metricName(MetricDefinition definition);

    @Message("{definition.formula}")
    String metricFormula(MetricDefinition definition);

    @Message("{definition.explanation}")
    String metricExplanation(MetricDefinition definition);

    /** Why a number is missing, as the metrics service says it (English in the API). */
    @Message("{reason}")
    String metricReason(String reason);

    /** The name of an input of a number (spend, new customers…), underscores as spaces. */
    @Message("{name}")
    String inputName(String name);

    @Message("no data for this month")
    String noDataForMonth();

    /**
     * A filter that cannot restrict a metric: reason as the metrics API gives it, subject as the catalogue words it
     * ("traffic is"), dimension by its id (other languages word it from the last two).
     */
    @Message("{reason}")
    String notBrokenDown(String reason, String subject, String dimension);

    /** A metric without any row for the month: the files it needs, joined by "and" (as the metrics API says it). */
    @Message("no data for this month yet: upload {files}")
    String noDataYetUpload(String files);

    // --- settings ----------------------------------------------------------------------------------------------
    @Message("How {tenant}'s metrics are computed. Saving a change recomputes every month of history with the new settings and is recorded in the audit log with the old and new values.")
    String settingsIntro(String tenant);

    @Message("Nothing was saved:")
    String nothingSaved();

    @Message("Nothing changed.")
    String nothingChanged();

    @Message("Saved and recomputed:")
    String savedAndRecomputed();

    @Message("Every amount is shown in this currency, converted with your FX rates at the rate of each order's day (MRR: at the start of each price period). Amounts in another currency need fx_rates.csv.")
    String currencyHelp();

    @Message("Months start at midnight in this time zone: an order at 23:30 on 31 January in Hanoi is a January order even though it is already February in UTC.")
    String timeZoneHelp();

    @Message("Inactivity window (days)")
    String inactivityWindow();

    @Message("A buyer without a completed order for this many days no longer counts as active; buyer churn counts those who stop. Longer windows churn fewer buyers.")
    String inactivityHelp();

    @Message("CAC window (months)")
    String cacWindow();

    @Message("CAC divides the spend of this many months, ending with each month, by the new customers of the same months. Longer windows smooth campaigns and long sales cycles.")
    String cacWindowHelp();

    @Message("LTV window (months)")
    String ltvWindow();

    @Message("LTV uses the mean monthly subscriber churn of this many months.")
    String ltvWindowHelp();

    @Message("Gross margin (%)")
    String grossMargin();

    @Message("Optional. When set, LTV is multiplied by it (LTV on margin rather than revenue), which lowers LTV and LTV:CAC.")
    String grossMarginHelp();

    @Message("Save and recompute")
    String saveAndRecompute();

    // --- members and invitations -------------------------------------------------------------------------------
    @Message("People with access to {tenant}")
    String peopleWithAccess(String tenant);

    @Message("Person")
    String person();

    @Message("Account manager")
    String accountManager();

    @Message("assigned by the platform; reads dashboards")
    String assignedByPlatform();

    @Message("Allow uploads (analyst)")
    String allowUploads();

    @Message("Account manager, also a member")
    String accountManagerAlsoMember();

    @Message("Role of {email}")
    String roleOf(String email);

    @Message("Change")
    String change();

    @Message("Remove")
    String remove();

    @Message("Remove {email}")
    String removePerson(String email);

    @Message("Pending invitations")
    String pendingInvitations();

    @Message("Expires")
    String expires();

    @Message("Withdraw")
    String withdraw();

    @Message("Withdraw invitation of {email}")
    String withdrawInvitationOf(String email);

    @Message("No pending invitations.")
    String noPendingInvitations();

    @Message("Invite someone")
    String inviteSomeone();

    @Message("Viewer: sees the dashboards")
    String inviteAsViewer();

    @Message("Analyst: also uploads data")
    String inviteAsAnalyst();

    @Message("Owner: also manages members, settings and API keys")
    String inviteAsOwner();

    @Message("Send invitation")
    String sendInvitation();

    @Message("The e-mail carries a link that works once, for this address only, and expires after {days} days.")
    String invitationLinkExplained(long days);

    @Message("Invitation")
    String invitation();

    @Message("Invitation to {tenant}")
    String invitationTo(String tenant);

    @Message("Open {tenant}")
    String open(String tenant);

    @Message("You were invited to {tenant} as")
    String youWereInvited(String tenant);

    @Message("Accept and join")
    String acceptAndJoin();

    @Message("You are invited to {tenant} on Merchant Metrics")
    String invitationMailSubject(String tenant);

    @Message("{inviter} invited you to {tenant} on Merchant Metrics as {role}.")
    String invitationMailInvited(String inviter, String tenant, String role);

    @Message("Accept the invitation")
    String invitationMailAccept();

    @Message("The link works once, for this e-mail address only, until {expiresAt} ({zone} time). If you did not expect it, ignore this e-mail.")
    String invitationMailLinkWorks(String expiresAt, String zone);

    // --- API keys ----------------------------------------------------------------------------------------------
    @Message("Machines use a key to upload data and read metrics of {tenant} through the API, sending it in the X-Api-Key header. A key works for this tenant only.")
    String apiKeysIntro(String tenant);

    @Message("Key {name} created. Copy it now: it is shown only this once and cannot be recovered.")
    String keyCreated(String name);

    @Message("Your new key")
    String yourNewKey();

    @Message("Key starts")
    String keyStarts();

    @Message("Created")
    String created();

    @Message("Last used")
    String lastUsed();

    @Message("never")
    String never();

    @Message("Revoke")
    String revoke();

    @Message("Revoke key {name}")
    String revokeKey(String name);

    @Message("revoked")
    String revoked();

    @Message("No API keys yet.")
    String noApiKeysYet();

    @Message("New key")
    String newKey();

    @Message("Nightly ERP export")
    String keyNamePlaceholder();

    @Message("Analyst: uploads data and reads metrics")
    String keyAsAnalyst();

    @Message("Viewer: reads metrics only")
    String keyAsViewer();

    @Message("Create key")
    String createKey();

    // --- audit log ---------------------------------------------------------------------------------------------
    @Message("Who did what in {tenant}, when and from where: sign-ins, uploads, setting changes, exports, members and API keys. Times in {zone}. Entries are kept for {days} days.")
    String auditIntro(String tenant, String zone, long days);

    @Message("Filter the audit log")
    String filterAuditLog();

    @Message("Action starts with")
    String actionStartsWith();

    @Message("Who")
    String who();

    @Message("Filter")
    String filter();

    @Message("Action")
    String action();

    @Message("Detail")
    String detail();

    @Message("system")
    String system();

    @Message("{field} date \"{value}\" is not a date like 2026-01-31")
    String notADate(String field, String value);

    @Message("No entries match.")
    String noEntriesMatch();

    @Message("Showing the latest {count} entries; narrow the filter to see older ones.")
    String latestEntries(int count);

    // --- portfolio ---------------------------------------------------------------------------------------------
    @Message("{count} {#if count == 1}client{#else}clients{/if} · {month} · clients needing attention first")
    String portfolioSummary(int count, String month);

    @Message("No clients assigned to you yet.")
    String noClientsYet();

    @Message("A platform administrator assigns account managers to client tenants.")
    String assignsAccountManagers();

    @Message("Client")
    String client();

    @Message("Name contains")
    String nameContains();

    @Message("Flagged only")
    String flaggedOnly();

    @Message("No client matches the filter.")
    String noClientMatches();

    @Message("Weekly e-mail summaries not delivered")
    String undeliveredSummaries();

    @Message("E-mail summary")
    String emailSummary();

    @Message("Customer churn is subscriber churn for clients with subscriptions, buyer churn otherwise. Figures are those of the client's dashboards and metrics API for {month}; renewals due and the MRR at risk (MRR just before each renewal date) are for the 30 days from now.")
    String portfolioFootnote(String month);

    /** A column of the portfolio table, by its English name. */
    @Message("{column}")
    String portfolioColumn(String column);

    @Message("{day} ({days} days ago)")
    String uploadedDaysAgo(String day, Long days);

    @Message("Flag thresholds")
    String flagThresholds();

    @Message("Flag when LTV:CAC is below")
    String flagLtvCac();

    @Message("Flag when customer churn rose by at least (points)")
    String flagChurnRise();

    @Message("Flag when no upload for at least (days)")
    String flagNoUpload();

    @Message("Save thresholds")
    String saveThresholds();

    // --- platform administration -------------------------------------------------------------------------------
    @Message("Tenants")
    String tenants();

    @Message("← Tenants")
    String backToTenants();

    @Message("Slug")
    String slug();

    @Message("Currency")
    String currency();

    @Message("No tenants yet.")
    String noTenantsYetAdmin();

    @Message("{#when status}{#is 'provisioning'}provisioning{#is 'active'}active{#is 'suspended'}suspended{#else}{status}{/when}")
    String tenantStatus(String status);

    @Message("New tenant")
    String newTenant();

    @Message("(in the address, cannot change)")
    String slugHelp();

    @Message("Create tenant")
    String createTenant();

    @Message("Access")
    String access();

    @Message("Nobody has access yet.")
    String nobodyHasAccess();

    @Message("Add a person")
    String addAPerson();

    @Message("Add")
    String add();

    @Message("They see this tenant the first time they sign in with this address.")
    String seesTenantAtSignIn();

    @Message("Database cluster")
    String databaseCluster();

    @Message("Its data is on the database cluster {cluster}.")
    String tenantIsOnCluster(String cluster);

    @Message("Move its data to")
    String moveDataTo();

    @Message("Move the data")
    String moveData();

    @Message("Imports of this tenant wait until the move is over; the data is copied, checked, and then removed from the cluster it leaves.")
    String moveDataExplained();

    // --- cohorts and renewals ----------------------------------------------------------------------------------
    @Message("Cohorts by acquisition month")
    String cohortsTitle();

    @Message("Customers grouped by the month they were acquired (the cohort) and followed month by month: month 0 is the acquisition month. Darker cells are higher.")
    String cohortsIntro();

    @Message("Cohort kind")
    String cohortKind();

    @Message("No customers were acquired in the period yet.")
    String noCohortsYet();

    @Message("Subscription cohorts")
    String subscriptionCohorts();

    @Message("Share of each acquisition month's customers who are subscribers at the end of each month since.")
    String subscriptionCohortsDescription();

    @Message("Buyer cohorts")
    String buyerCohorts();

    @Message("Share of each acquisition month's customers with a completed order above zero in each month since.")
    String buyerCohortsDescription();

    @Message("Revenue cohorts: MRR retention")
    String mrrRetentionCohorts();

    @Message("Each cohort's MRR at the end of each month since, against its MRR at the end of its first month (in brackets).")
    String mrrRetentionCohortsDescription();

    @Message("Revenue cohorts: cumulative revenue per customer")
    String revenuePerCustomerCohorts();

    @Message("Revenue of each cohort's customers from their first month to each month since, per customer.")
    String revenuePerCustomerCohortsDescription();

    @Message("Cohort")
    String cohort();

    @Message("Customers")
    String customers();

    @Message("Month {number}")
    String monthNumber(int number);

    @Message("Renewal and revenue renewal per billing period")
    String chartRenewals();

    @Message("Renewals due in the period ({period}) per billing period: the share renewed, and MRR just after the renewal date of the renewed ÷ MRR just before of all due (above 100 % with price increases).")
    String chartRenewalsDescription(String period);

    @Message("Billing period")
    String billingPeriod();

    @Message("{#when period}{#is 'week'}week{#is 'month'}month{#is 'quarter'}quarter{#is 'half_year'}half year{#is 'year'}year{#else}{period}{/when}")
    String billingPeriodName(String period);

    @Message("Due")
    String due();

    @Message("Renewed")
    String renewed();

    @Message("MRR due")
    String mrrDue();

    @Message("MRR after renewal")
    String mrrAfterRenewal();

    /** A breakdown's key as the metrics service names it ("not set" for a blank channel, "not given" for no reason). */
    @Message("{#when key}{#is 'not set'}not set{#is 'not given'}not given{#else}{key}{/when}")
    String breakdownKey(String key);

    // --- form errors and notices composed by the server ------------------------------------------------------
    @Message("Invitation sent to {email}")
    String invitationSentTo(String email);

    @Message("The invitation could not be sent: the mail server did not take it, so nothing was saved. Try again in a few minutes.")
    String invitationNotSent();

    @Message("Invitation withdrawn")
    String invitationWithdrawn();

    @Message("Role changed")
    String roleChanged();

    @Message("Member removed")
    String memberRemoved();

    @Message("Choose owner, analyst or viewer")
    String chooseMemberRole();

    @Message("Choose owner, analyst, viewer or account manager")
    String chooseAccess();

    @Message("Choose owner, analyst or viewer for someone with access to this tenant")
    String chooseRoleForMember();

    @Message("No such invitation")
    String noSuchInvitation();

    @Message("Enter a valid e-mail address")
    String enterValidEmail();

    @Message("A tenant always keeps at least one owner: make someone else owner first")
    String lastOwner();

    @Message("This person is not a member of the tenant (any more)")
    String notAMember();

    /** A page or API call refused for the reader's role (already worded), in plain text. */
    @Message("Your role in this tenant ({role}) does not allow this")
    String roleDoesNotAllow(String role);

    @Message("Give the key a name of 1 to 100 characters, e.g. \"Nightly ERP export\"")
    String nameTheKey();

    @Message("No such active key")
    String noSuchActiveKey();

    @Message("Choose analyst (upload and read) or viewer (read only)")
    String chooseKeyRole();

    @Message("{#when outcome}{#is 'joined'}You joined {tenant}."
            + "{#is 'already_member'}You are already a member of {tenant}; your role did not change."
            + "{#is 'wrong_user'}This invitation to {tenant} was sent to another e-mail address. Sign in with that address to accept it."
            + "{#is 'expired'}This invitation to {tenant} has expired. Ask an owner to invite you again."
            + "{#else}This invitation to {tenant} was already used or withdrawn.{/when}")
    String invitationOutcome(String outcome, String tenant);

    @Message("Reporting currency: \"{value}\" is not an ISO 4217 code such as EUR or USD.")
    String badCurrency(String value);

    @Message("Time zone: \"{value}\" is not an IANA time zone such as Europe/Berlin.")
    String badTimeZone(String value);

    @Message("{field}: \"{value}\" must be a whole number from {min} to {max}.")
    String notAWholeNumberBetween(String field, String value, int min, int max);

    @Message("Gross margin: {value} is outside 0 to 100 %; leave it empty for none.")
    String marginOutOfRange(String value);

    @Message("Gross margin: \"{value}\" is not a number of percent such as 62.5.")
    String marginNotANumber(String value);

    @Message("none")
    String none();

    @Message("{#when setting}{#is 'reporting_currency'}Reporting currency{#is 'time_zone'}Time zone{#is 'inactivity_days'}Inactivity window"
            + "{#is 'cac_window_months'}CAC window{#is 'ltv_window_months'}LTV window{#is 'gross_margin'}Gross margin{#else}{setting}{/when}")
    String settingName(String setting);

    @Message("Thresholds saved; the flags below use them.")
    String thresholdsSaved();

    @Message("Month: \"{value}\" is not a month like 2024-01; showing {month}.")
    String notAMonth(String value, String month);

    @Message("Minimum LTV:CAC")
    String minimumLtvCac();

    @Message("Churn rise")
    String churnRise();

    @Message("{field}: {value} must be above 0.")
    String mustBeAboveZero(String field, String value);

    @Message("{field}: {value} must be at least 0.")
    String mustBeAtLeastZero(String field, String value);

    @Message("{field}: \"{value}\" is not a number.")
    String notANumber(String field, String value);

    @Message("Days without upload: {value} must be 1 or more.")
    String daysMustBePositive(String value);

    @Message("Days without upload: \"{value}\" is not a whole number of days.")
    String daysNotAWholeNumber(String value);

    /** A portfolio flag: kind ltv_cac (value below threshold), churn_up (value in points), no_upload_yet, no_upload (value in days). */
    @Message("{#when kind}{#is 'ltv_cac'}LTV:CAC {value} below {threshold}{#is 'churn_up'}churn up {value} pts"
            + "{#is 'no_upload_yet'}no upload yet{#is 'no_upload'}no upload for {value} days{#else}{kind}{/when}")
    String portfolioFlag(String kind, String value, String threshold);

}

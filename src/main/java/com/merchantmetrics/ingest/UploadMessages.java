package com.merchantmetrics.ingest;


import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the uploads pages, in English; Vietnamese in {@code messages/upload_vi.properties}. Templates use
 * {@code {upload:key}}; Java code gets the bundle of a locale from {@code Languages.bundle}. A bundle of its own
 * because Quarkus 3.30 generates broken code for a message bundle of more than 300 messages.
 */
@MessageBundle(value = "upload", locale = "en")
public interface UploadMessages {

    // --- uploads -----------------------------------------------------------------------------------------------
    @Message("Upload CSV files of your data (also .csv.gz or a .zip with one CSV; up to {maxSize}). You see a preview with every problem before anything is written; a confirmed import writes all rows or none, and uploading the same rows again never duplicates them.")
    String uploadsIntro(String maxSize);

    @Message("Upload a file")
    String uploadAFile();

    @Message("File")
    String file();

    @Message("Detect from the header")
    String detectFromHeader();

    @Message("Mode")
    String mode();

    @Message("Merge: add new rows, update changed ones")
    String modeMerge();

    @Message("Replace this dataset with the file")
    String modeReplace();

    @Message("Encoding")
    String encoding();

    @Message("Detect (UTF-8, else Windows-1252)")
    String detectEncoding();

    @Message("Upload and preview")
    String uploadAndPreview();

    @Message("History")
    String history();

    @Message("By")
    String by();

    @Message("{count} errors")
    String errorCount(long count);

    @Message("({inserted} new, {updated} updated)")
    String newAndUpdated(Long inserted, Long updated);

    @Message("No uploads yet. Start with customers.csv or orders.csv.")
    String noUploadsYet();

    @Message("{#when status}{#is 'imported'}imported{#is 'rejected'}rejected{#is 'failed'}failed{#is 'previewed'}previewed{#else}{status}{/when}")
    String uploadStatus(String status);

    @Message("Read as")
    String readAs();

    @Message("({count} skipped)")
    String rowsSkipped(long count);

    @Message("← Uploads")
    String backToUploads();

    @Message("Encoding, delimiter")
    String encodingAndDelimiter();

    @Message("Uploaded")
    String uploaded();

    @Message("{when} by {who}")
    String atBy(String when, String who);

    @Message("Download the original file")
    String downloadOriginal();

    @Message("Download all problems (CSV)")
    String downloadProblems();

    @Message("Import {rows} rows ({#when mode}{#is 'replace'}replace{#else}merge{/when})")
    String importRows(Long rows, String mode);

    @Message("Nothing has been written yet.")
    String nothingWrittenYet();

    @Message("First rows as read")
    String firstRows();

    @Message("Problems")
    String problems();

    @Message("{errors} errors, {warnings} warnings")
    String errorsAndWarnings(long errors, long warnings);

    @Message("Severity")
    String severity();

    @Message("Row")
    String row();

    @Message("Column")
    String column();

    @Message("Value")
    String value();

    @Message("Reason")
    String reason();

    @Message("No problems.")
    String noProblems();

    @Message("The first 500 problems are shown; download the CSV for all.")
    String first500Problems();

    // --- upload progress, column mapping, preview -------------------------------------------------------------
    @Message("Sending the file…")
    String sendingTheFile();

    @Message("File transfer")
    String fileTransfer();

    @Message("Files with other column names: after the upload, map their columns to the dataset's fields; the mapping is remembered for files with the same header. Exports of Shopify (orders), Stripe (subscriptions), invoice lines like Online Retail and the Olist marketing funnel are recognised by their header.")
    String otherColumnNamesHelp();

    @Message("Choose a file to upload")
    String chooseAFile();

    @Message("{#when phase}{#is 'queued'}Waiting for this tenant's previous import to finish{#is 'checking'}Reading and checking rows"
            + "{#is 'importing'}Reading rows into the database{#is 'validating'}Checking keys, FX rates and periods"
            + "{#is 'writing'}Writing the rows{#else}{phase}{/when}")
    String importPhase(String phase);

    @Message("Importing")
    String importing();

    @Message("Waiting to be read")
    String waitingToBeRead();

    @Message("{rows} rows")
    String rowsRead(long rows);

    @Message("{rows} rows of {total}")
    String rowsReadOf(long rows, Long total);

    @Message("Progress of upload #{id}")
    String progressOfUpload(long id);

    @Message("You may leave this page: the upload goes on, and the history shows when it is done.")
    String youMayLeave();

    @Message("Reload")
    String reload();

    @Message("{count} {#if count == 1}error{#else}errors{/if}: nothing can be imported until the file is fixed.")
    String cannotImportUntilFixed(long count);

    @Message("{count} {#if count == 1}error{#else}errors{/if}: nothing can be imported until the file is fixed or its columns are mapped differently.")
    String cannotImportUntilFixedOrMapped(long count);

    @Message("{rows} rows of {dataset}.csv ready to import ({#when mode}{#is 'replace'}replace{#else}merge{/when}). Nothing has been written yet.")
    String readyToImport(Long rows, String dataset, String mode);

    @Message("Imported into {dataset}.csv: {inserted} new, {updated} updated.")
    String importedInto(String dataset, Long inserted, Long updated);

    @Message("This file is byte-identical to one imported earlier: nothing changed.")
    String fileUnchanged();

    @Message("Nothing was imported: see the problems below.")
    String nothingImported();

    @Message("Nothing was imported: see the problems below, and map the file's columns to a dataset.")
    String nothingImportedMapColumns();

    @Message("The import failed and nothing of it was written; import it again.")
    String importFailed();

    @Message("{#when mode}{#is 'replace'}replace{#else}merge{/when}")
    String modeName(String mode);

    @Message("{#when readAs}{#is 'mapping'}column mapping{#is 'canonical'}canonical columns{#is 'invoice-lines'}Invoice lines (Online Retail)"
            + "{#is 'shopify-orders'}Shopify orders export{#is 'stripe-subscriptions'}Stripe subscriptions export"
            + "{#is 'olist-qualified-leads'}Olist marketing-qualified leads{#is 'olist-closed-deals'}Olist closed deals{#else}{readAs}{/when}")
    String readAsName(String readAs);

    @Message("Map the file's columns")
    String mapTheColumns();

    @Message("Choose which column of the file holds each field. The mapping is remembered for files with the same header and applied automatically next time (you can change it here).")
    String mapTheColumnsHelp();

    @Message("required")
    String required();

    /** A field's kind as the mapping form names it (FieldKind, lower case with spaces); English as named. */
    @Message("{kind}")
    String fieldKind(String kind);

    @Message("— not in the file —")
    String notInTheFile();

    @Message("Read the file with this mapping")
    String readWithMapping();

    @Message("Choose the dataset the file's columns map to")
    String chooseMappingDataset();

    @Message("This upload cannot be read again; upload the file again")
    String cannotReadAgain();

    @Message("Choose a column for the required {#if count == 1}field{#else}fields{/if} {fields}")
    String chooseRequiredColumns(int count, String fields);

    @Message("Upload #{id} ({file}) is {status} and cannot be imported; upload the file again")
    String cannotBeImported(long id, String file, String status);

    @Message("{#when severity}{#is 'error'}error{#is 'warning'}warning{#else}{severity}{/when}")
    String severityName(String severity);

    // --- upload problems on the pages (ingest.ProblemReasons reads the English the parser wrote) ---------------
    @Message("the file has a header row but no data rows")
    String problemNoDataRows();

    @Message("not a column of {dataset}; ignored")
    String problemNotAColumnOf(String dataset);

    @Message("mapped to no field of {dataset}; ignored")
    String problemMappedToNoField(String dataset);

    @Message("the row has {fields} fields but the header has {columns} (a missing delimiter, an extra one or a stray quote)")
    String problemFieldCount(String fields, String columns);

    @Message("starts like a spreadsheet formula: kept as text, and neutralised in every export")
    String problemFormula();

    @Message("required, but empty")
    String problemRequiredEmpty();

    @Message("{reason}; the customer's country is left as it was")
    String problemCountryKept(String reason);

    @Message("ends before or when the period starts ({start})")
    String problemEndsBeforeStart(String start);

    @Message("not a number: write a decimal number like 12.50")
    String problemNotANumber();

    @Message("not a billing period: use week, month, quarter, half_year, year or an ISO 8601 period like P1M, P3M, P1Y, P2W")
    String problemNotABillingPeriod();

    @Message("identifiers are at most 255 characters")
    String problemIdentifierTooLong();

    @Message("not a valid date or time: use YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] or ISO 8601 with offset (2024-03-01T10:15:00Z)")
    String problemNotADateTime();

    @Message("not a valid day: use YYYY-MM-DD (e.g. 2024-02-29)")
    String problemNotADay();

    @Message("not a valid month or day: use YYYY-MM or YYYY-MM-DD")
    String problemNotAMonthOrDay();

    @Message("write amounts without thousands separators, e.g. 1234.50")
    String problemThousandsSeparator();

    @Message("use . as the decimal separator, e.g. 12.50")
    String problemDecimalComma();

    @Message("not an amount: write a decimal number like 12.50")
    String problemNotAnAmount();

    @Message("amounts have at most 15 digits before and 4 after the decimal point")
    String problemTooManyDigits();

    @Message("must not be negative here")
    String problemNegative();

    @Message("not an ISO 4217 currency code (like EUR, USD, VND)")
    String problemNotACurrency();

    @Message("not a yes/no value: use true/false, yes/no or 1/0")
    String problemNotYesNo();

    @Message("not a whole number of 0 or more")
    String problemNotAWholeNumber();

    @Message("not a positive decimal rate like 1.0850")
    String problemNotARate();

    @Message("not a country: use an ISO 3166-1 code (DE) or an English name (Germany)")
    String problemNotACountry();

    @Message("must be one of {values}")
    String problemOneOf(String values);

    @Message("no CustomerID: the line belongs to no customer and is skipped")
    String problemNoCustomerId();

    @Message("no customer e-mail: the order belongs to no customer and is skipped")
    String problemNoCustomerEmail();

    @Message("status {status}: the first payment never succeeded, so it was never a subscription")
    String problemNeverASubscription(String status);

    @Message("duplicate key ({key}) in this file: also on row {row}")
    String problemDuplicateKey(String key, String row);

    @Message("no FX rate for {currency} on or before {day} to convert to {reporting}: upload fx_rates.csv with that currency first")
    String problemNoFxRate(String currency, String day, String reporting);

    @Message("periods of one subscription must not overlap: this one overlaps the period on row {row} of this file")
    String problemOverlapInFile(String row);

    @Message("periods of one subscription must not overlap: this one overlaps a period of this subscription imported earlier")
    String problemOverlapEarlier();

    @Message("{file} is empty: a file needs at least a header row")
    String problemEmptyFile(String file);

    @Message("{file} is not a text file (it contains binary data); upload a CSV file")
    String problemBinaryFile(String file);

    @Message("{file}, after row {row}: the text is not valid in the chosen encoding; choose Windows-1252 or ISO-8859-1 on upload, or save the file as UTF-8")
    String problemEncoding(String file, String row);

    @Message("{file}, row 1: column \"{column}\" appears twice (columns {first} and {second}); each column may appear once")
    String problemColumnTwice(String file, String column, String first, String second);

    @Message("{file}, row 1: required column{#if plural}s{/if} {columns} missing for {dataset} (the header has: {header}); map the file's columns to the fields of the dataset")
    String problemRequiredColumnsMissing(String file, boolean plural, String columns, String dataset, String header);

    @Message("{file}, row 1: the header ({header}) matches none of the upload formats or presets; choose the dataset and map the file's columns to its fields")
    String problemUnknownHeader(String file, String header);

    @Message("{file} is larger than the limit of {limit}; split it into smaller files")
    String problemTooLarge(String file, String limit);

    @Message("{file}, after row {row}: the CSV cannot be read ({cause}), e.g. an unbalanced quote or a field longer than 1 million characters")
    String problemUnreadableCsv(String file, String row, String cause);

    @Message("{file} cannot be unpacked ({cause}): the archive is damaged or cut off")
    String problemCannotUnpack(String file, String cause);

    @Message("{file} must contain exactly one CSV file; it contains {count} files")
    String problemNotOneCsv(String file, String count);

    @Message("{file} unpacks to more than {limit}; upload a smaller file")
    String problemUnpacksTooLarge(String file, String limit);
}

package com.merchantmetrics.ingest;

import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Upload problems in the reader's language, for the pages only. The parser, the import and the presets write each
 * reason in English: that text is what the uploads API returns and the problems CSV holds, and it is stored with
 * the upload. The pages read it back here, each known sentence with its parameters (columns, values, rows), and
 * word it with the message bundle; a reason not known here is shown as written.
 */
public final class ProblemReasons {

    private record Reading(Pattern english, BiFunction<UploadMessages, Matcher, String> words) {
    }

    private static final List<Reading> READINGS = List.of(
            reading("the file has a header row but no data rows", (msg, m) -> msg.problemNoDataRows()),
            reading("not a column of (\\S+); ignored", (msg, m) -> msg.problemNotAColumnOf(m.group(1))),
            reading("mapped to no field of (\\S+); ignored", (msg, m) -> msg.problemMappedToNoField(m.group(1))),
            reading("the row has (\\d+) fields but the header has (\\d+) \\(a missing delimiter, an extra one or a stray quote\\)",
                    (msg, m) -> msg.problemFieldCount(m.group(1), m.group(2))),
            reading("starts like a spreadsheet formula: kept as text, and neutralised in every export", (msg, m) -> msg.problemFormula()),
            reading("required, but empty", (msg, m) -> msg.problemRequiredEmpty()),
            reading("(.+); the customer's country is left as it was", (msg, m) -> msg.problemCountryKept(in(msg, m.group(1)))),
            reading("ends before or when the period starts \\((.+)\\)", (msg, m) -> msg.problemEndsBeforeStart(m.group(1))),
            reading("not a number: write a decimal number like 12\\.50", (msg, m) -> msg.problemNotANumber()),
            reading("not a billing period: use week, month, quarter, half_year, year or an ISO 8601 period like P1M, P3M, P1Y, P2W",
                    (msg, m) -> msg.problemNotABillingPeriod()),
            reading("identifiers are at most 255 characters", (msg, m) -> msg.problemIdentifierTooLong()),
            reading("not a valid date or time: .*", (msg, m) -> msg.problemNotADateTime()),
            reading("not a valid day: .*", (msg, m) -> msg.problemNotADay()),
            reading("not a valid month or day: .*", (msg, m) -> msg.problemNotAMonthOrDay()),
            reading("write amounts without thousands separators, .*", (msg, m) -> msg.problemThousandsSeparator()),
            reading("use \\. as the decimal separator, .*", (msg, m) -> msg.problemDecimalComma()),
            reading("not an amount: .*", (msg, m) -> msg.problemNotAnAmount()),
            reading("amounts have at most 15 digits before and 4 after the decimal point", (msg, m) -> msg.problemTooManyDigits()),
            reading("must not be negative here", (msg, m) -> msg.problemNegative()),
            reading("not an ISO 4217 currency code .*", (msg, m) -> msg.problemNotACurrency()),
            reading("not a yes/no value: .*", (msg, m) -> msg.problemNotYesNo()),
            reading("not a whole number of 0 or more", (msg, m) -> msg.problemNotAWholeNumber()),
            reading("not a positive decimal rate like 1\\.0850", (msg, m) -> msg.problemNotARate()),
            reading("not a country: .*", (msg, m) -> msg.problemNotACountry()),
            reading("must be one of (.+)", (msg, m) -> msg.problemOneOf(m.group(1))),
            reading("no CustomerID: the line belongs to no customer and is skipped", (msg, m) -> msg.problemNoCustomerId()),
            reading("no customer e-mail: the order belongs to no customer and is skipped", (msg, m) -> msg.problemNoCustomerEmail()),
            reading("status (.+): the first payment never succeeded, so it was never a subscription",
                    (msg, m) -> msg.problemNeverASubscription(m.group(1))),
            reading("duplicate key \\((.+)\\) in this file: also on row (\\d+)", (msg, m) -> msg.problemDuplicateKey(m.group(1), m.group(2))),
            reading("no FX rate for (\\S+) on or before (\\S+) to convert to (\\S+): upload fx_rates\\.csv with that currency first",
                    (msg, m) -> msg.problemNoFxRate(m.group(1), m.group(2), m.group(3))),
            reading("periods of one subscription must not overlap: this one overlaps the period on row (\\d+) of this file",
                    (msg, m) -> msg.problemOverlapInFile(m.group(1))),
            reading("periods of one subscription must not overlap: this one overlaps a period of this subscription imported earlier",
                    (msg, m) -> msg.problemOverlapEarlier()),
            reading("(.+) is empty: a file needs at least a header row", (msg, m) -> msg.problemEmptyFile(m.group(1))),
            reading("(.+) is not a text file \\(it contains binary data\\); upload a CSV file", (msg, m) -> msg.problemBinaryFile(m.group(1))),
            reading("(.+), after row (\\d+): the text is not valid in the chosen encoding; .*",
                    (msg, m) -> msg.problemEncoding(m.group(1), m.group(2))),
            reading("(.+), row 1: column \"(.+)\" appears twice \\(columns (\\d+) and (\\d+)\\); each column may appear once",
                    (msg, m) -> msg.problemColumnTwice(m.group(1), m.group(2), m.group(3), m.group(4))),
            reading("(.+), row 1: required column(s?) (.+) missing for (\\S+) \\(the header has: (.*)\\); map the file's columns to the fields of the dataset",
                    (msg, m) -> msg.problemRequiredColumnsMissing(m.group(1), !m.group(2).isEmpty(), m.group(3), m.group(4), m.group(5))),
            reading("(.+), row 1: the header \\((.*)\\) matches none of the upload formats or presets; .*",
                    (msg, m) -> msg.problemUnknownHeader(m.group(1), m.group(2))),
            reading("(.+) is larger than the limit of (.+); split it into smaller files", (msg, m) -> msg.problemTooLarge(m.group(1), m.group(2))),
            reading("(.+), after row (\\d+): the CSV cannot be read \\((.*)\\), e\\.g\\. .*",
                    (msg, m) -> msg.problemUnreadableCsv(m.group(1), m.group(2), m.group(3))),
            reading("(.+) cannot be unpacked \\((.*)\\): the archive is damaged or cut off",
                    (msg, m) -> msg.problemCannotUnpack(m.group(1), m.group(2))),
            reading("(.+) must contain exactly one CSV file; it contains (\\d+) files",
                    (msg, m) -> msg.problemNotOneCsv(m.group(1), m.group(2))),
            reading("(.+) unpacks to more than (.+); upload a smaller file", (msg, m) -> msg.problemUnpacksTooLarge(m.group(1), m.group(2))));

    private ProblemReasons() {
    }

    private static Reading reading(String english, BiFunction<UploadMessages, Matcher, String> words) {
        return new Reading(Pattern.compile(english, Pattern.DOTALL), words);
    }

    /** The reason in the words of msg, or as written when it is not a sentence known here. */
    public static String in(UploadMessages msg, String reason) {
        if (reason == null) {
            return null;
        }
        for (Reading reading : READINGS) {
            Matcher matcher = reading.english().matcher(reason);
            if (matcher.matches()) {
                return reading.words().apply(msg, matcher);
            }
        }
        return reason;
    }

    /** The problem as a page shows it: its reason in the words of msg. */
    static Problem shown(Problem problem, UploadMessages msg) {
        return new Problem(problem.severity(), problem.file(), problem.row(), problem.column(), problem.value(), in(msg, problem.reason()));
    }
}

package com.merchantmetrics.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.merchantmetrics.ingest.ProblemReasons;
import com.merchantmetrics.ingest.UploadMessages;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.web.Languages;
import com.merchantmetrics.web.Messages;

/**
 * Audit entries in the reader's language, for the audit page only. The services record each entry's detail in
 * English, whatever the language of the person acting: that is what is stored and what machines read. The page reads
 * each known detail back with its parameters (e-mail addresses, roles, files, counts) and words it with the message
 * bundles. Every action the services record has its readings here; a detail they do not match (an older format, say)
 * is shown as stored, introduced in the reader's language ({@link AuditMessages#unreadDetail}).
 */
public final class AuditDetails {

    /** The bundles of one language an entry is worded with. */
    public record Words(AuditMessages audit, Messages msg, UploadMessages upload) {
        public static Words in(Locale locale) {
            return new Words(Languages.bundle(AuditMessages.class, locale), Languages.messages(locale),
                    Languages.bundle(UploadMessages.class, locale));
        }
    }

    private record Reading(Pattern action, Pattern english, BiFunction<Words, Matcher, String> words) {
    }

    private static final Pattern SETTING_CHANGE = Pattern.compile("(\\w+): (.*) → (.*)");
    /** For details without words (addresses, names, files, currencies, time zones): the same in every language. */
    private static final BiFunction<Words, Matcher, String> AS_STORED = (words, m) -> m.group();

    private static final List<Reading> READINGS = List.of(
            reading("access\\.granted|member\\.invited|member\\.joined", "(.+) as (.+)",
                    (words, m) -> words.audit().asRole(m.group(1), role(words, m.group(2)))),
            reading("member\\.role_changed", "(.+) is now (.+)", (words, m) -> words.audit().nowRole(m.group(1), role(words, m.group(2)))),
            reading("member\\.removed|member\\.invitation_revoked", "\\S+@\\S+", AS_STORED),
            reading("api_key\\.created", "(.+) \\((.+), (\\S+)\\)",
                    (words, m) -> words.audit().apiKeyCreated(m.group(1), role(words, m.group(2)), m.group(3))),
            reading("api_key\\.revoked", ".+ \\(\\S+…\\)", AS_STORED),
            reading("tenant\\.created", ".+ \\([A-Z]{3}, \\S+\\)", AS_STORED),
            reading("tenant\\.moved", "Data moved from database cluster (.+) to (.+) \\((\\d+) rows\\)",
                    (words, m) -> words.audit().dataMoved(m.group(1), m.group(2), m.group(3))),
            reading("upload\\..+", "(.+) → (\\S+) \\((\\w+), (\\d+) rows, (\\d+) new, (\\d+) updated, (\\d+) errors\\) #(\\d+)",
                    (words, m) -> words.audit().uploadOutcome(m.group(1), m.group(2), words.upload().modeName(m.group(3)), m.group(4),
                            m.group(5), m.group(6), m.group(7), m.group(8))),
            reading("upload\\.rejected", "(.+?): (.+)", (words, m) -> m.group(1) + ": " + ProblemReasons.in(words.upload(), m.group(2))),
            reading("upload\\.failed", ".+ #\\d+", AS_STORED),
            reading("metrics\\.exported", "\\S+\\.csv", AS_STORED),
            reading("portfolio\\.exported", "(\\S+\\.csv) \\((\\d+) clients\\)",
                    (words, m) -> words.audit().portfolioExported(m.group(1), m.group(2))),
            reading("settings\\.changed", "(\\w+: .* → .*)(; \\w+: .* → .*)*", (words, m) -> settingChanges(words, m.group())));

    private AuditDetails() {
    }

    private static Reading reading(String actions, String english, BiFunction<Words, Matcher, String> words) {
        return new Reading(Pattern.compile(actions), Pattern.compile(english, Pattern.DOTALL), words);
    }

    /** The detail of an entry with this action in the given words; one not known here as stored, introduced in those words. */
    public static String in(Words words, String action, String detail) {
        if (detail == null) {
            return null;
        }
        for (Reading reading : READINGS) {
            Matcher matcher = reading.english().matcher(detail);
            if (reading.action().matcher(action).matches() && matcher.matches()) {
                return reading.words().apply(words, matcher);
            }
        }
        return words.audit().unreadDetail(detail);
    }

    /** A role recorded by its English label ("Account manager"), in the reader's words. */
    private static String role(Words words, String label) {
        return Arrays.stream(TenantRole.values()).filter(role -> role.label().equals(label)).findFirst()
                .map(role -> words.msg().role(role.name())).orElse(label);
    }

    /** "inactivity_days: 90 → 60; time_zone: UTC → Asia/Ho_Chi_Minh", each setting by its name, "none" in words. */
    private static String settingChanges(Words words, String changes) {
        return Arrays.stream(changes.split("; ")).map(change -> {
            Matcher m = SETTING_CHANGE.matcher(change);
            return m.matches() ? words.audit().settingChanged(words.msg().settingName(m.group(1)), value(words, m.group(2)),
                    value(words, m.group(3))) : change;
        }).collect(Collectors.joining("; "));
    }

    private static String value(Words words, String stored) {
        return stored.equals("none") ? words.audit().noValue() : stored;
    }
}

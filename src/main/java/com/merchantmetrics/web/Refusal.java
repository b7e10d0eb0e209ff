package com.merchantmetrics.web;

import java.util.Locale;
import java.util.function.Function;

/**
 * A request refused for a reason the person can fix, worded by the message bundle: pages show it in the reader's
 * language ({@link #in}), while logs, the audit trail and the API read the English of {@link #getMessage()}.
 */
public class Refusal extends IllegalArgumentException {

    private final transient Function<Messages, String> text;

    public Refusal(Function<Messages, String> text) {
        this.text = text;
    }

    @Override
    public String getMessage() {
        return text.apply(Languages.messages(Locale.ENGLISH));
    }

    public String in(Messages msg) {
        return text.apply(msg);
    }

    /** What a page shows for an exception: a refusal in the reader's language, anything else as it was worded. */
    public static String text(RuntimeException problem, Messages msg) {
        return problem instanceof Refusal refusal ? refusal.in(msg) : problem.getMessage();
    }
}

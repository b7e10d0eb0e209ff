package com.merchantmetrics.web;

import java.util.Locale;
import java.util.function.Function;

/**
 * A request refused for a reason the person can fix, worded by a message bundle: pages show it in the reader's
 * language ({@link #in}), while logs, the audit trail and the API read the English of {@link #getMessage()}.
 */
public class Refusal extends IllegalArgumentException {

    private final transient Function<Locale, String> text;

    /** Worded by the pages' bundle {@link Messages}. */
    public Refusal(Function<Messages, String> text) {
        this(Messages.class, text);
    }

    /** Worded by another message bundle (see {@link Languages#bundle}). */
    public <B> Refusal(Class<B> bundle, Function<B, String> text) {
        this.text = locale -> text.apply(Languages.bundle(bundle, locale));
    }

    @Override
    public String getMessage() {
        return in(Locale.ENGLISH);
    }

    public String in(Locale locale) {
        return text.apply(locale);
    }

    /** What a page shows for an exception: a refusal in the reader's language, anything else as it was worded. */
    public static String text(RuntimeException problem, Locale locale) {
        return problem instanceof Refusal refusal ? refusal.in(locale) : problem.getMessage();
    }
}

package com.merchantmetrics.core;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * Sends one mail in at most two attempts, the second on a fresh SMTP connection. A pooled connection the server has
 * dropped fails the first attempt, and an attempt can stall with the connection open (seen with GreenMail after a
 * restart and with the mail client's pool, quarkusio/quarkus#46216): an attempt that gets no answer within
 * merchant-metrics.mail-wait counts as failed, instead of holding the caller until the mailer's own timeout.
 */
@ApplicationScoped
public class MailAttempts {

    private static final Logger LOG = Logger.getLogger(MailAttempts.class);
    private static final int ATTEMPTS = 2;

    private final Duration wait;

    MailAttempts(@ConfigProperty(name = "merchant-metrics.mail-wait", defaultValue = "PT10S") Duration wait) {
        this.wait = wait;
    }

    /** Throws the last attempt's failure when the mail server did not take the mail. */
    public void send(String recipient, Supplier<Uni<Void>> sending) {
        for (int attempt = 1; ; attempt++) {
            try {
                sending.get().await().atMost(wait);
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.infof("Mail to %s failed (%s); trying once more on a fresh connection", recipient, e.getMessage());
            }
        }
    }

    /**
     * For a mail someone is waiting for on the page (an invitation, a test summary): false when the mail server did not
     * take it (logged), so the caller tells the person instead of failing the request.
     */
    public boolean sendWhileTheyWait(String recipient, Supplier<Uni<Void>> sending) {
        try {
            send(recipient, sending);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf(e, "Mail to %s not sent after %d attempts", recipient, ATTEMPTS);
            return false;
        }
    }
}

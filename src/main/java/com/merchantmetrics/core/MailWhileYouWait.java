package com.merchantmetrics.core;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * Sends a mail someone is waiting for on the page (an invitation, a test summary). A pooled SMTP connection the server
 * has dropped fails the first attempt, so one more attempt goes out on a fresh connection; if the server still does
 * not take the mail the caller tells the person instead of failing the request. An attempt that gets no answer within
 * merchant-metrics.mail-wait counts as failed: a server that accepts the connection and then stays silent must not
 * hold the person's request (and its transaction) until its own timeout, minutes later.
 */
@ApplicationScoped
public class MailWhileYouWait {

    private static final Logger LOG = Logger.getLogger(MailWhileYouWait.class);
    private static final int ATTEMPTS = 2;

    private final Duration wait;

    MailWhileYouWait(@ConfigProperty(name = "merchant-metrics.mail-wait", defaultValue = "PT10S") Duration wait) {
        this.wait = wait;
    }

    /** False when the mail server did not take the mail after both attempts (logged). */
    public boolean send(String recipient, Supplier<Uni<Void>> sending) {
        for (int attempt = 1; ; attempt++) {
            try {
                sending.get().await().atMost(wait);
                return true;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    LOG.warnf(e, "Mail to %s not sent after %d attempts", recipient, ATTEMPTS);
                    return false;
                }
                LOG.infof("Mail to %s failed (%s); trying once more on a fresh connection", recipient, e.getMessage());
            }
        }
    }
}

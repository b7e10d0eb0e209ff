package com.merchantmetrics.core;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Sends a mail someone is waiting for on the page (an invitation, a test summary). A pooled SMTP connection the server
 * has dropped fails the first attempt, so one more attempt goes out on a fresh connection; if the server still does
 * not take the mail the caller tells the person instead of failing the request.
 */
@ApplicationScoped
public class MailWhileYouWait {

    private static final Logger LOG = Logger.getLogger(MailWhileYouWait.class);
    private static final int ATTEMPTS = 2;

    /** False when the mail server did not take the mail after both attempts (logged). */
    public boolean send(String recipient, Runnable blockingSend) {
        for (int attempt = 1; ; attempt++) {
            try {
                blockingSend.run();
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

package com.merchantmetrics.digest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.merchantmetrics.core.MailAttempts;
import com.merchantmetrics.security.AppUser;
import com.merchantmetrics.tenant.TenantAccess;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * This week's e-mail of a person for one tenant, written now: the merchant summary, or for an account manager the
 * portfolio summary of this client. A test send goes outside the send log and does not count as the week's summary.
 */
@ApplicationScoped
public class DigestPreviews {

    private final DigestMails mails;
    private final MerchantDigests merchantDigests;
    private final ReactiveMailer mailer;
    private final MailAttempts mailAttempts;
    private final Clock clock = Clock.systemUTC();

    DigestPreviews(DigestMails mails, MerchantDigests merchantDigests, ReactiveMailer mailer, MailAttempts mailAttempts) {
        this.mails = mails;
        this.merchantDigests = merchantDigests;
        this.mailer = mailer;
        this.mailAttempts = mailAttempts;
    }

    DigestMails.Written write(AppUser user, TenantAccess tenant) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(tenant.timeZone())));
        if (tenant.role() == TenantRole.account_manager) {
            return mails.portfolio(user, Set.of(tenant.tenantId()), today);
        }
        MerchantFigures figures = QuarkusTransaction.joiningExisting().call(() -> merchantDigests.figures(tenant, today));
        return mails.merchant(user, tenant.role(), figures);
    }

    /** False when the mail server did not take the mail: the person is told on the page. */
    boolean sendTest(AppUser user, TenantAccess tenant) {
        Mail mail = write(user, tenant).mail();
        return mailAttempts.sendWhileTheyWait(user.email, () -> mailer.send(mail));
    }
}

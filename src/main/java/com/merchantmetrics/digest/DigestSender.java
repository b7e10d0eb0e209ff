package com.merchantmetrics.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.merchantmetrics.core.MailAttempts;
import com.merchantmetrics.digest.DigestSendLog.Claim;
import com.merchantmetrics.digest.DigestSendLog.Due;
import com.merchantmetrics.security.AppUser;
import com.merchantmetrics.tenant.TenantAccess;
import com.merchantmetrics.tenant.TenantAccessService;
import com.merchantmetrics.tenant.TenantRole;
import com.merchantmetrics.tenant.Tenant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the weekly summaries. Each run (a clustered Quartz job) records the digests that are due in the send log,
 * then delivers pending ones: claimed in batches in short transactions (so no other worker or replica takes them),
 * written and sent outside any transaction, each outcome recorded in a short transaction of its own. A failed digest
 * is retried with exponential back-off; after the last attempt it stays in the log as failed for platform admins.
 */
@ApplicationScoped
public class DigestSender {

    private static final Logger LOG = Logger.getLogger(DigestSender.class);

    /** What one run did. */
    public record Run(int recorded, int sent, int failed) {
    }

    private final DigestPreferences preferences;
    private final DigestSendLog sendLog;
    private final DigestMails mails;
    private final MerchantDigests merchantDigests;
    private final TenantAccessService accessService;
    private final ReactiveMailer mailer;
    private final MailAttempts mailAttempts;
    private final Clock clock;
    private final Duration catchUp;
    private final Duration retryBase;
    private final int maxAttempts;
    private final int claimBatch;
    private final Duration claimLease;
    private final ExecutorService workers;
    private final int workerCount;
    private final Counter sends;
    private final Counter failures;

    DigestSender(DigestPreferences preferences, DigestSendLog sendLog, DigestMails mails, MerchantDigests merchantDigests,
            TenantAccessService accessService, ReactiveMailer mailer, MailAttempts mailAttempts, MeterRegistry registry,
            @ConfigProperty(name = "merchant-metrics.digest.catch-up", defaultValue = "P1D") Duration catchUp,
            @ConfigProperty(name = "merchant-metrics.digest.retry-base", defaultValue = "PT2M") Duration retryBase,
            @ConfigProperty(name = "merchant-metrics.digest.max-attempts", defaultValue = "10") int maxAttempts,
            @ConfigProperty(name = "merchant-metrics.digest.workers", defaultValue = "4") int workerCount,
            @ConfigProperty(name = "merchant-metrics.digest.claim-batch", defaultValue = "10") int claimBatch,
            @ConfigProperty(name = "merchant-metrics.digest.claim-lease", defaultValue = "PT15M") Duration claimLease) {
        this.preferences = preferences;
        this.sendLog = sendLog;
        this.mails = mails;
        this.merchantDigests = merchantDigests;
        this.accessService = accessService;
        this.mailer = mailer;
        this.mailAttempts = mailAttempts;
        this.clock = Clock.systemUTC();
        this.catchUp = catchUp;
        this.retryBase = retryBase;
        this.maxAttempts = maxAttempts;
        this.claimBatch = claimBatch;
        this.claimLease = claimLease;
        this.workerCount = workerCount;
        this.workers = Executors.newFixedThreadPool(workerCount, runnable -> {
            Thread thread = new Thread(runnable, "digest-sender");
            thread.setDaemon(true);
            return thread;
        });
        this.sends = Counter.builder("merchant_metrics_digest_sends").description("Weekly summaries sent").register(registry);
        this.failures = Counter.builder("merchant_metrics_digest_failures")
                .description("Weekly summary send attempts that failed (retried with back-off)").register(registry);
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    @Scheduled(identity = "weekly-digests", cron = "{merchant-metrics.digest.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        Run run = runDue(clock.instant());
        if (run.recorded() + run.sent() + run.failed() > 0) {
            LOG.infof("Weekly summaries: %d due, %d sent, %d failed", run.recorded(), run.sent(), run.failed());
        } else {
            LOG.debug("Weekly summaries: nothing due");
        }
    }

    /**
     * One run as of {@code now} (the clock is a parameter, so a test can play a whole week): records what is due,
     * then the workers claim batches and deliver them until nothing is left. A digest that cannot be written or sent
     * is recorded as failed for that recipient (retried with back-off) and the run goes on with the others.
     */
    public Run runDue(Instant now) {
        int recorded = sendLog.record(due(now), now);
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < workerCount; i++) {
            running.add(workers.submit(() -> {
                List<Claim> batch;
                while (!(batch = claim(now)).isEmpty()) {
                    Map<String, MerchantFigures> figures = new HashMap<>();
                    for (Claim claim : batch) {
                        (deliver(claim, now, figures) ? sent : failed).incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> worker : running) {
            try {
                worker.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                LOG.error("A weekly summary worker stopped; its claims are taken up again when their lease ends", e.getCause());
            }
        }
        return new Run(recorded, sent.get(), failed.get());
    }

    private List<Claim> claim(Instant now) {
        return sendLog.claim(now, claimBatch, now.plus(claimLease));
    }

    /** The digests due at {@code now}: merchant digests per member and tenant, one portfolio digest per account manager. */
    Set<Due> due(Instant now) {
        Set<Due> dues = new LinkedHashSet<>();
        for (DigestPreferences.Subscriber subscriber : preferences.all()) {
            if (!subscriber.preference().enabled()) {
                continue;
            }
            subscriber.preference().dueWeek(now, ZoneId.of(subscriber.timeZone()), catchUp).ifPresent(week -> dues.add(
                    subscriber.role() == TenantRole.account_manager ? Due.portfolio(subscriber.userId(), week)
                            : Due.merchant(subscriber.userId(), subscriber.tenantId(), week)));
        }
        return dues;
    }

    /**
     * Writes and sends one claimed digest outside any transaction, then records the outcome in a short one. True
     * when it went out or was not needed any more; false when it failed (then it is retried later).
     */
    private boolean deliver(Claim claim, Instant now, Map<String, MerchantFigures> figures) {
        Optional<Mail> mail;
        try {
            mail = write(claim.due(), now, figures);
        } catch (RuntimeException e) {
            recordFailure(claim, now, DeliveryFailure.not_written, e);
            return false;
        }
        if (mail.isPresent()) {
            try {
                mailAttempts.send(String.join(", ", mail.get().getTo()), () -> mailer.send(mail.get()));
            } catch (RuntimeException e) {
                recordFailure(claim, now, DeliveryFailure.ofSending(e), e);
                return false;
            }
        }
        // Not in a try: once the SMTP server has the mail, a failure to record it must not lead to a resend.
        sendLog.finish(claim, mail.isPresent() ? "sent" : "cancelled", now);
        if (mail.isPresent()) {
            sends.increment();
        }
        return true;
    }

    /** Records a failed attempt: retried with back-off, or given up after the last attempt. */
    private void recordFailure(Claim claim, Instant now, DeliveryFailure kind, RuntimeException error) {
        failures.increment();
        boolean giveUp = claim.attempts() + 1 >= maxAttempts;
        Instant retryAt = now.plus(retryBase.multipliedBy(1L << Math.min(claim.attempts(), 10)));
        LOG.warnf("Weekly summary %d (%s, attempt %d) failed (%s)%s: %s", claim.id(), claim.due().scope(), claim.attempts() + 1,
                kind, giveUp ? ", given up" : ", retried at " + retryAt, error.toString());
        sendLog.failed(claim, kind, String.valueOf(error.getMessage()), retryAt, giveUp);
    }

    /** Empty when the person turned the summary off or lost access since it was due. */
    private Optional<Mail> write(Due due, Instant now, Map<String, MerchantFigures> figures) {
        return QuarkusTransaction.requiringNew().call(() -> written(due, now, figures)).map(DigestMails.Written::mail);
    }

    private Optional<DigestMails.Written> written(Due due, Instant now, Map<String, MerchantFigures> figures) {
        AppUser user = AppUser.findById(due.recipientId());
        if (due.tenantId() == null) {
            Set<Long> clients = preferences.enabledClients(user.id);
            return clients.isEmpty() ? Optional.empty()
                    : Optional.of(mails.portfolio(user, clients, now.atZone(ZoneOffset.UTC).toLocalDate()));
        }
        Tenant tenant = Tenant.findById(due.tenantId());
        Optional<TenantAccess> access = tenant == null ? Optional.empty() : accessService.accessOf(user.id, tenant.slug);
        if (access.isEmpty() || !preferences.of(tenant.id, user.id, access.get().role()).enabled()) {
            return Optional.empty();
        }
        LocalDate asOf = now.atZone(ZoneId.of(tenant.timeZone)).toLocalDate();
        MerchantFigures tenantFigures = figures.computeIfAbsent(tenant.id + "/" + asOf,
                key -> QuarkusTransaction.requiringNew().call(() -> merchantDigests.figures(access.get(), asOf)));
        return Optional.of(mails.merchant(user, access.get().role(), tenantFigures));
    }
}

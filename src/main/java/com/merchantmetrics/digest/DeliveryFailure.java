package com.merchantmetrics.digest;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;

import io.vertx.ext.mail.SMTPException;

/**
 * Why an attempt to deliver a weekly summary failed, in a kind platform admins can act on (stored with the send log
 * beside the raw error text, and worded by {@link DigestMessages#deliveryFailure}).
 */
public enum DeliveryFailure {
    /** The summary itself could not be written: its figures could not be read. */
    not_written,
    /** The mail server refused the address: the mailbox does not exist, is full or is blocked. */
    mailbox_refused,
    /** No connection to the mail server: refused, unknown host, no route, timed out. */
    server_unreachable,
    /** The mail server refused the application's sign-in. */
    authentication_failed,
    /** Anything else the mail server or the mailer reported. */
    other;

    /** SMTP replies about the mailbox (RFC 5321: unavailable, not local, storage exceeded, name not allowed). */
    private static final Set<Integer> MAILBOX_REPLIES = Set.of(450, 550, 551, 552, 553);
    /** SMTP replies about authentication (RFC 4954: temporary failure, required, too weak, invalid, encryption required). */
    private static final Set<Integer> AUTHENTICATION_REPLIES = Set.of(454, 530, 534, 535, 538);

    /** The kind of a failure of the mailer to send a written summary, from the exception or one of its causes. */
    static DeliveryFailure ofSending(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException reply) {
                return MAILBOX_REPLIES.contains(reply.getReplyCode()) ? mailbox_refused
                        : AUTHENTICATION_REPLIES.contains(reply.getReplyCode()) ? authentication_failed : other;
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException
                    || cause instanceof SocketTimeoutException) {
                return server_unreachable;
            }
        }
        return other;
    }
}

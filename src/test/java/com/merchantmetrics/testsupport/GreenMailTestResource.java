package com.merchantmetrics.testsupport;

import java.io.IOException;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server (GreenMail) in the test JVM; the application's mailer sends to it. Tests read what arrived
 * through {@link #mailbox()}.
 */
public class GreenMailTestResource implements QuarkusTestResourceLifecycleManager {

    /** RFC 5321's five minutes: like real mail servers, GreenMail outwaits the mailer's idle connections (15 s). */
    private static final int IDLE_CONNECTION_TIMEOUT_MILLIS = 300_000;

    private static GreenMail greenMail;

    public static synchronized GreenMail mailbox() {
        if (greenMail == null) {
            start(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        }
        return greenMail;
    }

    /** Takes the SMTP server down: connections are refused until {@link #restartSmtp()}. */
    public static synchronized int stopSmtp() {
        int port = mailbox().getSmtp().getPort();
        greenMail.stop();
        return port;
    }

    /** A fresh SMTP server (empty mailbox) on the port the application sends to. */
    public static synchronized void restartSmtp(int port) {
        start(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    private static void start(ServerSetup setup) {
        greenMail = new GreenMail(setup);
        greenMail.start();
        greenMail.getSmtp().setClientSocketTimeout(IDLE_CONNECTION_TIMEOUT_MILLIS);
    }

    /** The decoded part of the given type ("text/plain", "text/html") of a received mail, or null. */
    public static String part(Part mail, String mimeType) {
        try {
            if (mail.isMimeType(mimeType)) {
                return (String) mail.getContent();
            }
            if (mail.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) mail.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = part(multipart.getBodyPart(i), mimeType);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable mail", e);
        }
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(mailbox().getSmtp().getPort()),
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void stop() {
        // One server for the whole test JVM, like Keycloak; it dies with the JVM.
    }
}

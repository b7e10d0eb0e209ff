package com.merchantmetrics.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.vertx.ext.mail.SMTPException;

/** What the mailer throws, as the blocking mailer hands it on (wrapped by Mutiny), and the kind admins read. */
class DeliveryFailureTest {

    @Test
    void smtpRepliesAboutTheMailboxOrTheSignInAreToldApart() {
        assertThat(DeliveryFailure.ofSending(smtp("recipient address not accepted", 550, "5.1.1 No such user")))
                .isEqualTo(DeliveryFailure.mailbox_refused);
        assertThat(DeliveryFailure.ofSending(smtp("recipient address not accepted", 552, "5.2.2 Mailbox full")))
                .isEqualTo(DeliveryFailure.mailbox_refused);
        assertThat(DeliveryFailure.ofSending(smtp("AUTH PLAIN failed", 535, "5.7.8 Authentication credentials invalid")))
                .isEqualTo(DeliveryFailure.authentication_failed);
        assertThat(DeliveryFailure.ofSending(smtp("sending data failed", 554, "5.6.0 Message rejected")))
                .isEqualTo(DeliveryFailure.other);
    }

    @Test
    void noConnectionIsAnUnreachableServer() {
        assertThat(DeliveryFailure.ofSending(new CompletionException(new ConnectException("Connection refused: localhost/127.0.0.1:2525"))))
                .isEqualTo(DeliveryFailure.server_unreachable);
        assertThat(DeliveryFailure.ofSending(new CompletionException(new UnknownHostException("smtp.example.invalid"))))
                .isEqualTo(DeliveryFailure.server_unreachable);
    }

    @Test
    void anythingElseIsOther() {
        assertThat(DeliveryFailure.ofSending(new IllegalStateException("Connection was closed."))).isEqualTo(DeliveryFailure.other);
    }

    private static CompletionException smtp(String message, int replyCode, String reply) {
        return new CompletionException(new SMTPException(message, replyCode, List.of(replyCode + " " + reply), true));
    }
}

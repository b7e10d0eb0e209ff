package com.merchantmetrics.members;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.merchantmetrics.testsupport.Forms;
import com.merchantmetrics.testsupport.GreenMailTestResource;
import com.merchantmetrics.testsupport.TestTenants;
import com.merchantmetrics.testsupport.TestUsers;
import com.merchantmetrics.security.AppUser;
import com.merchantmetrics.tenant.Membership;
import com.merchantmetrics.tenant.Tenant;
import com.merchantmetrics.tenant.TenantRole;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MembersTest {

    private static final Pattern LINK = Pattern.compile("/invitations/([A-Za-z0-9_-]{20,})");

    @Inject
    TestTenants tenants;

    private Tenant tenant;

    @BeforeEach
    void tenantOwnedByAlice() {
        tenant = tenants.create("invite");
        tenants.grant(tenant, "alice", TenantRole.owner);
    }

    @Test
    void theInvitedPersonJoinsOnceWithTheInvitedRole() throws Exception {
        String token = invite("bob", "analyst");

        MimeMessage mail = lastMailTo(TestUsers.email("bob"));
        assertThat(mail.getSubject()).contains(tenant.name);
        assertThat(GreenMailTestResource.part(mail, "text/plain")).contains("invited you to " + tenant.name)
                .contains("(" + tenant.timeZone + " time)").as("the expiry as a person reads it").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
        assertThat(GreenMailTestResource.part(mail, "text/html")).contains("Accept the invitation");

        assertThat(Forms.page("bob", "/invitations/" + token).asString()).contains(tenant.name).contains("Analyst");
        assertThat(accept("bob", token)).contains("You joined " + tenant.name);
        assertThat(roleOf("bob")).isEqualTo(TenantRole.analyst);
        Forms.page("bob", "/t/" + tenant.slug + "/acquisition").then().statusCode(200);

        assertThat(accept("bob", token)).contains("already used");
    }

    @Test
    void aLinkOpenedBySomeoneElseDoesNotAdmitThem() {
        String token = invite("bob", "viewer");
        assertThat(accept("marco", token)).contains("sent to another e-mail address");
        assertThat(roleOf("marco")).isNull();
        assertThat(accept("bob", token)).contains("You joined");
    }

    @Test
    void anInvitationTheMailServerDoesNotTakeIsNotSaved() {
        String members = "/t/" + tenant.slug + "/members";
        int port = GreenMailTestResource.stopSmtp();
        try {
            String page = Forms.submit("alice", members, members + "/invitations",
                    Map.of("email", TestUsers.email("bob"), "role", "viewer")).then().statusCode(503).extract().asString();
            assertThat(page).contains("the mail server did not take it, so nothing was saved");
        } finally {
            GreenMailTestResource.restartSmtp(port);
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> Invitation.count("tenantId", tenant.id))).isZero();

        String token = invite("bob", "viewer");
        assertThat(accept("bob", token)).contains("You joined");
    }

    @Test
    void anExpiredLinkNoLongerWorks() {
        String token = invite("bob", "viewer");
        QuarkusTransaction.requiringNew().run(() -> Invitation.<Invitation>find("tenantId", tenant.id).firstResult()
                .expiresAt = Instant.now().minusSeconds(1));
        assertThat(accept("bob", token)).contains("has expired");
        assertThat(roleOf("bob")).isNull();
    }

    @Test
    void anExistingMemberKeepsTheirRole() {
        tenants.grant(tenant, "bob", TenantRole.owner);
        String token = invite("bob", "viewer");
        assertThat(accept("bob", token)).contains("already a member");
        assertThat(roleOf("bob")).isEqualTo(TenantRole.owner);
    }

    @Test
    void anUnknownLinkRevealsNothing() {
        Forms.page("bob", "/invitations/not-a-real-invitation-token-at-all").then().statusCode(404);
    }

    @Test
    void theLastOwnerCannotBeRemovedOrDemoted() {
        long aliceId = userId("alice");
        String members = "/t/" + tenant.slug + "/members";
        Forms.submit("alice", members, members + "/" + aliceId + "/remove", Map.of()).then().statusCode(400);
        Forms.submit("alice", members, members + "/" + aliceId + "/role", Map.of("role", "viewer")).then().statusCode(400);
        assertThat(roleOf("alice")).isEqualTo(TenantRole.owner);

        tenants.grant(tenant, "bob", TenantRole.owner);
        Forms.submit("alice", members, members + "/" + aliceId + "/role", Map.of("role", "viewer")).then().statusCode(303);
        assertThat(roleOf("alice")).isEqualTo(TenantRole.viewer);
    }

    @Test
    void anAccountManagerReadsUntilAnOwnerAllowsUploads() {
        tenants.grant(tenant, "marco", TenantRole.account_manager);
        String api = "/api/v1/tenants/" + tenant.slug;
        given().auth().oauth2(Forms.token("marco")).get(api).then().statusCode(200)
                .body("yourRole", equalTo("account_manager"));

        String members = "/t/" + tenant.slug + "/members";
        assertThat(Forms.page("alice", members).asString()).contains("Allow uploads (analyst)");
        Forms.submit("alice", members, members + "/" + userId("marco") + "/role", Map.of("role", "analyst"))
                .then().statusCode(303);

        given().auth().oauth2(Forms.token("marco")).get(api).then().statusCode(200).body("yourRole", equalTo("analyst"));
    }

    @Test
    void onlyOwnersManageMembers() {
        tenants.grant(tenant, "bob", TenantRole.analyst);
        Forms.page("bob", "/t/" + tenant.slug + "/members").then().statusCode(403);
    }

    private String invite(String user, String role) {
        String members = "/t/" + tenant.slug + "/members";
        Forms.submit("alice", members, members + "/invitations", Map.of("email", TestUsers.email(user), "role", role))
                .then().statusCode(303);
        Matcher link = LINK.matcher(GreenMailTestResource.part(lastMailTo(TestUsers.email(user)), "text/plain"));
        assertThat(link.find()).as("invitation link in the mail").isTrue();
        return link.group(1);
    }

    private String accept(String user, String token) {
        return Forms.submit(user, "/invitations/" + token, "/invitations/" + token, Map.of()).then().statusCode(200)
                .extract().asString();
    }

    private MimeMessage lastMailTo(String address) {
        MimeMessage[] received = GreenMailTestResource.mailbox().getReceivedMessagesForDomain(address);
        assertThat(received).as("mail to " + address).isNotEmpty();
        return received[received.length - 1];
    }

    private TenantRole roleOf(String user) {
        return QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail(TestUsers.email(user))
                .flatMap(found -> Membership.findFor(tenant.id, found.id)).map(membership -> membership.role).orElse(null));
    }

    private long userId(String user) {
        Forms.page(user, "/").then().statusCode(200);
        return QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail(TestUsers.email(user)).orElseThrow().id);
    }
}

package com.merchantmetrics.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the platform administration that the pages' bundle has no room for: refusals and failures (creating
 * a tenant, moving its data) and the label of a technical detail, in English; Vietnamese in
 * {@code messages/admin_vi.properties}. A bundle of its own because Quarkus 3.30 generates broken code for a message
 * bundle of more than 300 messages; Java code gets it from {@code Languages.bundle}, templates as {@code {admin:…}}.
 */
@MessageBundle(value = "admin", locale = "en")
public interface AdminMessages {

    @Message("Give the tenant a name.")
    String nameTheTenant();

    @Message("Slug: \"{slug}\" must be 2 to 40 characters: lower-case letters, digits and '-', starting with a letter.")
    String badSlug(String slug);

    @Message("A tenant with the slug '{slug}' already exists.")
    String slugTaken(String slug);

    @Message("No database cluster '{cluster}' is configured; there are: {clusters}.")
    String noSuchCluster(String cluster, String clusters);

    @Message("{tenant} is already on the database cluster {cluster}.")
    String alreadyOnCluster(String tenant, String cluster);

    @Message("Moving {tenant} to the database cluster {target} failed; its data stays on {source}.")
    String moveFailed(String tenant, String target, String source);

    @Message("Technical detail")
    String technicalDetail();
}

package com.merchantmetrics.testsupport;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

/** HtmlUnit browsers that sign in through Keycloak's real login page, as a person does. */
public final class Browsers {

    private Browsers() {
    }

    /** Without JavaScript: every page must work without it. */
    public static WebClient browser() {
        WebClient browser = new WebClient();
        browser.getOptions().setJavaScriptEnabled(false);
        browser.getOptions().setCssEnabled(false);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        browser.getOptions().setRedirectEnabled(true);
        return browser;
    }

    /** Fills in Keycloak's login form (the test users' passwords equal their names) and returns the page it leads to. */
    public static HtmlPage signIn(HtmlPage keycloakLogin, String user) throws Exception {
        HtmlForm form = (HtmlForm) keycloakLogin.getElementById("kc-form-login");
        form.getInputByName("username").setValue(user);
        form.getInputByName("password").setValue(user);
        return ((HtmlElement) keycloakLogin.getElementById("kc-login")).click();
    }
}

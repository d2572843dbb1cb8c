package org.candor.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.config.ConfigProvider;
import org.htmlunit.FailingHttpStatusCodeException;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

/**
 * A browser without JavaScript (HtmlUnit) that signs in through the real authorization-code flow: Candor's sign-in
 * page, the provider's button, the local OIDC server's login form, the callback, and back.
 */
public final class SignInBrowser implements AutoCloseable {

    private final WebClient client = new WebClient();

    public SignInBrowser() {
        client.getOptions().setJavaScriptEnabled(false);
        client.getOptions().setCssEnabled(false);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        client.getOptions().setRedirectEnabled(true);
    }

    public static String base() {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081);
        return "http://localhost:" + port;
    }

    /**
     * Starts at {@code /login?back=startPath}, clicks the provider's button and signs in at the OIDC server as
     * {@code user}. Returns the page the flow ends on.
     */
    public HtmlPage signIn(String provider, String user, String startPath) throws IOException {
        HtmlPage login = client.getPage(base() + "/login?back=" + URLEncoder.encode(startPath, StandardCharsets.UTF_8));
        return signInFrom(login, provider, user);
    }

    /** Clicks the provider's button on this sign-in page and signs in at the OIDC server as {@code user}. */
    public HtmlPage signInFrom(HtmlPage login, String provider, String user) throws IOException {
        HtmlAnchor button = login.getFirstByXPath("//a[contains(@class,'provider-" + provider + "')]");
        if (button == null) {
            throw new IllegalStateException("no sign-in button for " + provider + " on " + login.asXml());
        }
        HtmlPage providerPage = button.click();
        HtmlForm custom = providerPage.getForms().stream()
                .filter(f -> f.getInputsByName("name").size() == 1).findFirst()
                .orElseThrow(() -> new IllegalStateException("not the OIDC login page: " + providerPage.asXml()));
        custom.getInputByName("name").type(user);
        HtmlButton submit = custom.getButtonByName("login");
        return submit.click();
    }

    public <P extends Page> P get(String path) throws IOException {
        try {
            return client.getPage(base() + path);
        } catch (FailingHttpStatusCodeException e) {
            throw new IllegalStateException(e);
        }
    }

    public String path(Page page) {
        URI uri = URI.create(page.getUrl().toString());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    public WebClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }
}

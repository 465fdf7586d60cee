package io.quarkiverse.lakebase.deployment.devui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * The Lakebase card of the Dev UI, used as a person uses it, in a real (headless) Chromium against an application in
 * dev mode with the local Lakebase: it shows the token's expiry; "Refresh token now" mints a new token (the refresh count
 * goes up, the expiry moves); "Flush pool" closes the pool's idle connections (the closed count goes up by as many). A
 * screenshot of the page is kept when a step fails.
 */
class LakebaseCardInABrowserTest {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final String CARD = "return e.tagName === 'QWC-LAKEBASE-TOKEN';";

    @RegisterExtension
    static final QuarkusDevModeTest DEV = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClass(PoolInUse.class).addAsResource(new StringAsset(
                    // idle connections kept open rather than removed as idle: only a flush closes them
                    "quarkus.datasource.jdbc.min-size=2\n"), "application.properties"));

    @Test
    void refreshAndFlushFromTheCard() {
        try (Browser browser = Browser.open()) {
            String step = "open the card";
            try {
                browser.open("http://localhost:8080/q/dev-ui/quarkus-lakebase/tokens-and-pools");
                await(step).atMost(STEP).until(() -> defaultDatasource(browser) != null
                        && defaultDatasource(browser).containsKey("tokenExpiresAt")
                        && ((Number) defaultDatasource(browser).getOrDefault("poolIdle", 0)).intValue() >= 1);
                Map<String, Object> before = defaultDatasource(browser);
                assertThat(browser.text(CARD)).contains("Default datasource", "tokenExpiresAt",
                        before.get("tokenExpiresAt").toString());

                step = "refresh the token";
                assertThat(browser.click(button("Refresh token now"))).as("the refresh button").isTrue();
                long refreshes = ((Number) before.get("refreshCount")).longValue();
                await(step).atMost(STEP).until(() -> ((Number) defaultDatasource(browser).get("refreshCount"))
                        .longValue() > refreshes);
                Map<String, Object> refreshed = defaultDatasource(browser);
                assertThat(refreshed.get("tokenExpiresAt")).as("a new token's expiry")
                        .isNotEqualTo(before.get("tokenExpiresAt"));
                assertThat(browser.text(CARD)).contains(refreshed.get("tokenExpiresAt").toString());

                step = "flush the pool";
                long closed = ((Number) refreshed.get("poolClosed")).longValue();
                long idle = ((Number) refreshed.get("poolIdle")).longValue();
                assertThat(browser.click(button("Flush pool"))).as("the flush button").isTrue();
                await(step).atMost(STEP).until(() -> ((Number) defaultDatasource(browser).get("poolClosed"))
                        .longValue() >= closed + idle);
                assertThat(browser.text(CARD)).contains("poolClosed");
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("Step '" + step + "' failed; the page is in "
                        + browser.screenshot("lakebase-card-" + step.replace(' ', '-')).toAbsolutePath(), e);
            }
        }
    }

    /** What the card shows for the default datasource, read from the component's own state. */
    private static Map<String, Object> defaultDatasource(Browser browser) {
        Object datasources = browser.property(CARD, "_datasources");
        if (!(datasources instanceof List<?> list)) {
            return null;
        }
        return list.stream().map(Browser::asMap).filter(status -> "<default>".equals(status.get("datasource")))
                .findFirst().orElse(null);
    }

    private static String button(String label) {
        return "return e.tagName === 'VAADIN-BUTTON' && e.textContent.trim() === '" + label + "' && !e.disabled;";
    }
}

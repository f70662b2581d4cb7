package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * The portal's main pages, in both languages, checked in the browser by axe-core against WCAG 2.2
 * level AA (structure, names and labels, contrast, language, ARIA): no serious or critical
 * violation; and a page is usable from the keyboard, its skip link first.
 */
class PortalAccessibilityIT {

    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    @Test
    void theMainPagesMeetWcagAaInBothLanguages() {
        List<String> found = new ArrayList<>();
        try (PortalBrowser browser = PortalBrowser.open("en")) {
            for (String lang : List.of("en", "ar")) {
                for (String page : List.of("/", "/services?q=park", "/services/mme-park-booking", "/datasets", "/tenders",
                        "/participate")) {
                    found.addAll(check(browser, "/" + lang + page));
                }
            }
            browser.go("/en/me");
            browser.signInOnKeycloak("citizen3");
            for (String lang : List.of("en", "ar")) {
                for (String page : List.of("/me", "/inbox", "/applications", "/services/mme-park-booking/apply")) {
                    found.addAll(check(browser, "/" + lang + page));
                }
            }
            // a form refused by the service: its messages are tied to their fields
            browser.go("/ar/services/mme-park-booking/apply").click("form.schema-form button[type=submit]");
            browser.find(".field-error");
            found.addAll(violations(browser, "/ar/services/mme-park-booking/apply (refused)"));
        }
        assertThat(found).as("WCAG 2.2 AA violations (serious or critical)").isEmpty();
    }

    @Test
    void theFirstTabReachesTheSkipLink() {
        try (PortalBrowser browser = PortalBrowser.open("ar")) {
            browser.go("/ar/");
            browser.find("body").sendKeys(Keys.TAB);
            assertThat(browser.driver.switchTo().activeElement().getAttribute("class")).isEqualTo("skip");
            assertThat(browser.driver.switchTo().activeElement().getAttribute("href")).endsWith("#main");
        }
    }

    private static List<String> check(PortalBrowser browser, String path) {
        browser.go(path);
        browser.find("main");
        return violations(browser, path);
    }

    private static List<String> violations(PortalBrowser browser, String where) {
        Results results = new AxeBuilder().withTags(WCAG_AA).analyze(browser.driver);
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (BLOCKING.contains(rule.getImpact())) {
                found.add(where + ": " + rule.getId() + " (" + rule.getImpact() + ") at "
                    + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(3).toList());
            }
        }
        return found;
    }

}

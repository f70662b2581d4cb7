package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The portal in a real browser, in English and in Arabic: a citizen signs in once and, without
 * signing in again, applies (the form generated from the service's JSON Schema, its errors inline),
 * pays on the provider's page, votes in an open poll, watches the inbox while staff of the agency approve the application
 * in their own browser, reads the notice as it arrives live, and opens an agency's own service page.
 */
class PortalCitizenIT {

    private static final String SERVICE = "mme-park-booking";

    @Test
    void homeInBothLanguagesAndSignInComesBack() {
        try (PortalBrowser browser = PortalBrowser.open("en")) {
            browser.go("/");
            assertThat(browser.driver.getCurrentUrl()).endsWith("/en/");
            assertThat(browser.dir()).isEqualTo("ltr");
            browser.screenshot("home-en");
            browser.click("a.lang-switch");
            browser.waitFor(d -> d.getCurrentUrl().endsWith("/ar/"));
            assertThat(browser.dir()).isEqualTo("rtl");
            browser.screenshot("home-ar");
            browser.click("a.signin");
            // Keycloak's page follows the portal's language
            browser.waitFor(d -> d.findElements(By.id("username")).size() == 1);
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("ar");
            browser.screenshot("sign-in-ar");
            browser.signInOnKeycloak("citizen3");
            assertThat(browser.driver.getCurrentUrl()).endsWith("/ar/");
            assertThat(browser.find(".who").getText()).contains("أهلاً");
        }
    }

    @Test
    void theCatalogueListsAndFindsServicesInBothLanguages() {
        try (PortalBrowser browser = PortalBrowser.open("en")) {
            for (String[] search : new String[][] { { "en", "passport" }, { "ar", "جواز" } }) {
                String lang = search[0];
                browser.go("/" + lang + "/services");
                assertThat(browser.all("ul.cards li.card")).as("the whole catalogue, first page, " + lang).isNotEmpty();
                assertThat(browser.all("ul.cards li.empty")).isEmpty();
                browser.fill("q", search[1]).click("form.search button[type=submit]");
                browser.waitFor(d -> d.getCurrentUrl().contains("q="));
                assertThat(browser.all("ul.cards li.card h3 a")).as("services matching " + search[1])
                    .isNotEmpty()
                    .allSatisfy(link -> assertThat(link.getAttribute("href")).contains("/" + lang + "/services/"));
                browser.screenshot("catalogue-search-" + lang);
                browser.click("ul.cards li.card h3 a");
                browser.waitFor(d -> d.getCurrentUrl().matches(".*/" + lang + "/services/[a-z0-9-]+$"));
                assertThat(browser.find("h1").getText()).isNotBlank();
            }
        }
    }

    @Test
    void tellUsOnceNotificationPreferencesAndSignOutEverywhere() {
        try (PortalBrowser person = PortalBrowser.open("ar")) {
            person.go("/ar/me");
            person.signInOnKeycloak("citizen3");
            assertThat(person.driver.getCurrentUrl()).endsWith("/ar/me");
            assertThat(person.dir()).isEqualTo("rtl");

            // a new address, told once: every agency that holds it is asked, each one's answer shown
            String street = "Building " + System.nanoTime() % 10000 + ", Al Corniche Street";
            person.fill("line1", street).fill("city", "Doha").click("#send-address");
            person.waitFor(d -> d.getCurrentUrl().contains("done=me.address.sent"));
            assertThat(person.find("#done").getText()).contains("أُرسل");
            assertThat(person.all(".change-agency")).extracting(e -> e.getAttribute("data-agency")).contains("moi", "ewa");
            person.screenshot("tell-us-once-ar");

            // a category's channel switched off, kept
            WebElement email = person.find("#p-tenders-EMAIL");
            boolean wasOn = email.isSelected();
            email.click();
            person.click("#preferences button[type=submit]");
            person.waitFor(d -> d.getCurrentUrl().contains("done=me.saved"));
            assertThat(person.find("#p-tenders-EMAIL").isSelected()).isEqualTo(!wasOn);

            // signing out ends the Keycloak session too: signing in again asks for the password
            person.click("form.signout button");
            person.waitFor(d -> d.getCurrentUrl().startsWith(Suite.GATEWAY) && !d.findElements(By.cssSelector("a.signin")).isEmpty());
            person.go("/ar/me");
            person.waitFor(d -> !d.findElements(By.id("password")).isEmpty());
            assertThat(person.driver.getCurrentUrl()).startsWith(Suite.KEYCLOAK);
        }
    }

    @Test
    void citizenJourneyInEnglish() {
        journey("en", "citizen1", "Your application has been sent", "Approved");
    }

    @Test
    void citizenJourneyInArabic() {
        journey("ar", "citizen2", "أُرسل طلبك", "مقبول");
    }

    private void journey(String lang, String citizen, String submittedText, String approvedText) {
        String poll = PortalParticipationIT.openPoll(Suite.token("moi-staff"), "Portal journey " + lang + " " + System.nanoTime()
            + ": which colour?", "رحلة البوابة " + System.nanoTime() + ": أي لون؟");
        try (PortalBrowser person = PortalBrowser.open(lang); PortalBrowser staff = PortalBrowser.open(lang)) {
            // a service's page, open to everyone; applying asks to sign in, and comes back
            person.go("/" + lang + "/services/" + SERVICE);
            assertThat(person.dir()).isEqualTo(lang.equals("ar") ? "rtl" : "ltr");
            person.screenshot("service-" + lang);
            person.click("a.signin");
            person.signInOnKeycloak(citizen);
            assertThat(person.driver.getCurrentUrl()).endsWith("/" + lang + "/services/" + SERVICE);
            person.click("a.button.primary");
            person.waitFor(d -> d.getCurrentUrl().endsWith("/apply"));

            // the empty form is refused by the service, each field's message inline, in the page's language
            person.click("form.schema-form button[type=submit]");
            person.waitFor(d -> !d.findElements(By.cssSelector(".field-error")).isEmpty());
            assertThat(person.all(".field-error")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(person.find("#f-park").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(person.dir()).isEqualTo(lang.equals("ar") ? "rtl" : "ltr");
            person.screenshot("apply-errors-" + lang);

            person.fill("f-park", "Aspire Park " + System.nanoTime());
            WebElement date = person.find("#f-date");
            person.driver.executeScript("arguments[0].value = arguments[1]", date, LocalDate.now().plusDays(7).toString());
            new Select(person.find("#f-facility")).selectByValue("barbecue");
            person.click("form.schema-form button[type=submit]");
            person.waitFor(d -> d.getCurrentUrl().contains("/" + lang + "/applications/"));
            String application = person.driver.getCurrentUrl().replaceAll(".*/applications/([0-9a-f-]+).*", "$1");
            assertThat(person.find("#status").getAttribute("data-status")).isEqualTo("SUBMITTED");
            assertThat(person.text()).contains(submittedText);
            person.screenshot("application-" + lang);

            // the fee, on the payment provider's page, and back
            person.click("#pay");
            person.waitFor(d -> d.getCurrentUrl().contains("/payment-simulator/"));
            person.screenshot("payment-provider-" + lang);
            person.click("form[action$='outcome=success'] button");
            person.waitFor(d -> d.getCurrentUrl().contains("/" + lang + "/payments/return"));
            assertThat(person.find("#payment-status").getAttribute("class")).isEqualTo("notice-ok");
            person.screenshot("payment-done-" + lang);

            // a vote in an open poll, with its receipt, still without signing in again
            person.go("/" + lang + "/participate/polls/" + poll);
            person.click("label[for='option-0']").click("#vote");
            person.waitFor(d -> d.getCurrentUrl().contains("/participate/polls/" + poll + "/receipt"));
            assertThat(person.find("#receipt").getText()).isNotBlank();
            assertThat(person.dir()).isEqualTo(lang.equals("ar") ? "rtl" : "ltr");
            person.screenshot("vote-receipt-" + lang);

            // the inbox stays open while the agency decides
            person.go("/" + lang + "/inbox");
            int before = person.all("li.notice").size();
            person.screenshot("inbox-" + lang);

            // staff of the agency, in their own browser: the queue, the application, approve
            staff.go("/" + lang + "/");
            staff.signIn("mme-staff");
            staff.go("/" + lang + "/staff");
            staff.click("tr[data-id='" + application + "'] a");
            staff.screenshot("staff-application-" + lang);
            staff.click("#start-review");
            staff.waitFor(d -> d.findElement(By.id("status")).getAttribute("data-status").equals("IN_REVIEW"));
            staff.click("#approve").confirm();
            staff.waitFor(d -> d.findElement(By.id("status")).getAttribute("data-status").equals("APPROVED"));
            assertThat(staff.dir()).isEqualTo(lang.equals("ar") ? "rtl" : "ltr");

            // the notice arrives on the open page, without reloading it
            // (the status notices of the review and approval, in the page's language: the person's
            // own language is Arabic or English, the same person reads both pages)
            String statusNotice = lang.equals("ar") ? "حالة طلبك" : "Your application is";
            person.waitFor(d -> liveNotices(person).stream().anyMatch(text -> text.contains(statusNotice)));
            person.screenshot("inbox-live-" + lang);
            assertThat(person.all("li.notice").size()).isGreaterThan(before);

            // the application says so, and an agency's own service page opens without signing in again
            person.go("/" + lang + "/applications/" + application);
            assertThat(person.find("#status").getText()).contains(approvedText);
            assertThat(person.find("#paid").getText()).isNotBlank();
            person.go("/" + lang + "/agencies/moi/identity");
            assertThat(person.driver.getCurrentUrl()).startsWith(Suite.GATEWAY + "/" + lang + "/agencies/moi/identity");
            assertThat(person.find("h1").getText()).isNotBlank();
            person.screenshot("agency-page-" + lang);
            person.go("/" + lang + "/me");
            person.screenshot("my-details-" + lang);
        }
    }

    /** The texts of the notices the live stream added to the open inbox (read at once: more may be arriving). */
    @SuppressWarnings("unchecked")
    private static List<String> liveNotices(PortalBrowser browser) {
        return (List<String>) browser.driver.executeScript(
            "return Array.from(document.querySelectorAll('li.notice.live')).map(n => n.textContent);");
    }

}

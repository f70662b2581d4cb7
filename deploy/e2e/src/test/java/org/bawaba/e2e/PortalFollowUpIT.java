package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * What follows an application, in the browser: documents attached to a draft, the agency's question
 * and the citizen's answer, completion and the rating; and a "click to renew" notice's link opening
 * the renewal prefilled, confirmed in one click.
 */
class PortalFollowUpIT {

    @Test
    void documentsAQuestionAndItsAnswerCompletionAndTheRating() throws IOException {
        Path photo = Files.createTempFile("deed-", ".png");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
        try (PortalBrowser person = PortalBrowser.open("en"); PortalBrowser staff = PortalBrowser.open("en")) {
            person.go("/en/services/mme-land-survey/apply");
            person.signInOnKeycloak("citizen3");
            person.fill("f-plotNumber", "PL-" + System.nanoTime() % 100000);
            person.click("form.schema-form button[type=submit]");
            // complete, but the deed is missing: a draft to attach it to
            person.waitFor(d -> d.getCurrentUrl().contains("done=application.attach.first"));
            assertThat(person.find("#status").getAttribute("data-status")).isEqualTo("DRAFT");
            String application = person.driver.getCurrentUrl().replaceAll(".*/applications/([0-9a-f-]+).*", "$1");

            person.find("#doc-type").findElement(By.cssSelector("option[value='ownership-deed']")).click();
            person.find("#doc-file").sendKeys(photo.toAbsolutePath().toString());
            person.click("form[enctype='multipart/form-data'] button[type=submit]");
            person.waitFor(d -> d.getCurrentUrl().contains("done=application.document.attached"));
            // named as the catalogue names it, and opened from the page
            assertThat(person.text()).contains("Title deed: " + photo.getFileName()).doesNotContain("ownership-deed");
            assertThat(person.find("ul.documents a").getAttribute("href")).contains("/en/applications/" + application + "/documents/");
            person.screenshot("documents-en");
            person.click("#submit");
            person.waitFor(d -> d.findElement(By.id("status")).getAttribute("data-status").equals("SUBMITTED"));

            // the agency asks; the citizen answers
            staff.go("/en/staff/applications/" + application);
            staff.signInOnKeycloak("mme-staff");
            // the agency's staff open the applicant's document from the application's page
            String document = staff.find("ul.documents a").getAttribute("href");
            Object opened = staff.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('Content-Type')))", document);
            assertThat(String.valueOf(opened)).isEqualTo("200 image/png");
            staff.click("#start-review");
            staff.waitFor(d -> d.findElement(By.id("status")).getAttribute("data-status").equals("IN_REVIEW"));
            staff.fill("question", "Please send the deed's second page too.").click("#request-info");
            staff.waitFor(d -> d.findElement(By.id("status")).getAttribute("data-status").equals("INFORMATION_REQUESTED"));

            person.go("/en/applications/" + application);
            assertThat(person.text()).contains("Please send the deed's second page too.");
            person.fill("answer", "Attached: both pages are in the one file.");
            person.click("form[action$='/answer'] button[type=submit]");
            person.waitFor(d -> d.getCurrentUrl().contains("done=application.answered"));
            assertThat(person.find("#status").getAttribute("data-status")).isEqualTo("IN_REVIEW");

            staff.go("/en/staff/applications/" + application);
            staff.click("#approve").confirm();
            staff.waitFor(d -> d.findElement(By.id("status")).getAttribute("data-status").equals("APPROVED"));
            staff.click("#complete");
            staff.waitFor(d -> d.findElement(By.id("status")).getAttribute("data-status").equals("COMPLETED"));

            // a rating, once: a second one is refused with the service's reason, and changes nothing
            person.go("/en/applications/" + application);
            person.click("label[for='score-5']").fill("comment", "Quick and clear.");
            person.click("form[action$='/rating'] button[type=submit]");
            person.waitFor(d -> d.getCurrentUrl().contains("done=application.rated"));
            person.screenshot("rated-en");
            person.click("label[for='score-1']");
            person.click("form[action$='/rating'] button[type=submit]");
            assertThat(person.find("#problem").getText()).isNotBlank();
        } finally {
            Files.deleteIfExists(photo);
        }
    }

    @Test
    void theClickToRenewLinkOpensTheRenewalPrefilled() {
        RenewalJourneyIT.ExpiringCard card = RenewalJourneyIT.expiringIdCard("citizen2");
        try (PortalBrowser person = PortalBrowser.open("ar")) {
            person.go("/ar/inbox");
            person.signInOnKeycloak("citizen2");
            // the notice's own link, as the inbox shows it: in the page's language
            String link = "/ar/renewals/" + card.card();
            person.waitFor(d -> {
                d.navigate().refresh();
                return !d.findElements(By.cssSelector("a[href='" + link + "']")).isEmpty();
            });
            person.click("a[href='" + link + "']");
            person.waitFor(d -> d.getCurrentUrl().contains("/renewals/" + card.card()));
            assertThat(person.find("dl.prefilled").getText()).contains(card.card()).contains(card.expiry().toString());
            person.screenshot("renewal-ar");
            person.click("#renew");
            person.waitFor(d -> d.getCurrentUrl().contains("done=application.submitted"));
            assertThat(person.find("#status").getAttribute("data-status")).isEqualTo("SUBMITTED");
            // the renewal is open now: a second click is refused, on the page, with the service's reason
            person.go("/ar/renewals/" + card.card());
            assertThat(person.driver.getPageSource()).doesNotContain("Exception");
            assertThat(person.dir()).isEqualTo("rtl");
        }
    }

}

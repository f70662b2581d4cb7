package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bawaba.e2e.Suite.GATEWAY;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * Procurement in real browsers through the gateway. moi's staff draft and publish a tender in the
 * portal; supplier1 (registered and subscribed in the portal if needed) finds it among the tenders of
 * its category, asks a question that the staff answer for everyone, bids and gets a signed receipt,
 * replaces and withdraws the bid. A second tender whose deadline is seconds away is set up through
 * the API (a person cannot wait for a real deadline); supplier1 bids on it in the portal, the service
 * opens the bids at the opening time, and the staff evaluate and award in the portal; anyone then sees
 * the opening record, the award and the OCDS release, in Arabic.
 */
class PortalProcurementIT {

    private static final String API = GATEWAY + "/api/procurement";

    private static final ZoneId DOHA = ZoneId.of("Asia/Qatar");

    @Test
    void staffPublishASupplierAsksAndBidsAndTheStaffOpenEvaluateAndAward() {
        String stamp = String.valueOf(System.currentTimeMillis());
        String title = "Laptops for schools " + stamp;
        String titleAr = "حواسيب محمولة للمدارس " + stamp;

        try (PortalBrowser staff = PortalBrowser.open("en"); PortalBrowser supplier = PortalBrowser.open("en")) {
            // staff: draft and publish in the portal; a bad draft first gets the service's messages
            staff.go("/en/staff/tenders/new");
            staff.signInOnKeycloak("moi-staff");
            staff.waitFor(ExpectedConditions.urlContains("/en/staff/tenders/new"));
            staff.click("main form button.primary");
            assertThat(staff.find("#e-f-title-en").getText()).isNotBlank();
            assertThat(staff.find("#f-submissionDeadline").getAttribute("aria-invalid")).isEqualTo("true");
            staff.fill("f-title-en", title).fill("f-title-ar", titleAr)
                .fill("f-description-en", "300 laptops with three years of support")
                .fill("f-description-ar", "300 حاسوب محمول مع دعم لثلاث سنوات")
                .fill("f-estimatedValue-amount", "1,200,000");
            new Select(staff.find("#f-category")).selectByValue("it-equipment");
            LocalDateTime now = LocalDateTime.now(DOHA).truncatedTo(ChronoUnit.MINUTES);
            setLocal(staff, "f-clarificationDeadline", now.plusDays(10));
            setLocal(staff, "f-submissionDeadline", now.plusDays(20));
            setLocal(staff, "f-openingTime", now.plusDays(21));
            staff.fill("f-document-title-en", "Specification").fill("f-document-title-ar", "المواصفات")
                .fill("f-document-url", "https://example.org/laptops-spec.pdf");
            staff.click("main form button.primary");
            staff.waitFor(d -> d.getCurrentUrl().matches(".*/en/staff/tenders/[0-9a-f-]{36}\\?done=.*"));
            String tenderId = staff.driver.getCurrentUrl().replaceAll(".*/staff/tenders/([0-9a-f-]{36}).*", "$1");
            assertThat(staff.find(".notice-ok").getText()).contains("draft was saved");
            staff.click("button.publish");
            staff.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".facts .badge"), "Open for bids"));
            staff.screenshot("staff-tender-en");

            // anyone: the tender is among the open ones
            supplier.go("/en/tenders");
            assertThat(supplier.dir()).isEqualTo("ltr");
            assertThat(supplier.find("table.tenders").getText()).contains(title);
            supplier.screenshot("tenders-en");

            // supplier1: registered (here if not yet) and following IT equipment
            supplier.go("/en/supplier");
            supplier.signInOnKeycloak("supplier1");
            supplier.waitFor(ExpectedConditions.urlContains("/en/supplier"));
            if (supplier.all("form[action='/en/supplier/subscriptions']").isEmpty()) {
                supplier.click("a[href='/en/supplier/profile']");
                supplier.fill("f-registrationNumber", "E2E-P" + ThreadLocalRandom.current().nextInt(1_000_000))
                    .fill("f-name-en", "Haddad Systems").fill("f-name-ar", "حداد للأنظمة")
                    .fill("f-contact-email", "tenders@haddad-systems.example");
                supplier.click("#c-it-equipment");
                supplier.click("main form button.primary");
                supplier.waitFor(ExpectedConditions.urlContains("done=procurement.supplier.saved"));
            }
            if (!supplier.find("#s-it-equipment").isSelected()) {
                supplier.click("#s-it-equipment");
                supplier.click("form[action='/en/supplier/subscriptions'] button");
                supplier.waitFor(ExpectedConditions.urlContains("done=procurement.supplier.subscribed"));
            }
            assertThat(supplier.find("#s-it-equipment").isSelected()).isTrue();
            String supplierName = supplier.find("main h2").getText();
            assertThat(supplier.find("table.subscribed").getText()).contains(title);
            supplier.screenshot("supplier-en");

            // a question, answered by the agency for everyone
            supplier.driver.findElement(By.linkText(title)).click();
            supplier.waitFor(ExpectedConditions.urlContains("/en/tenders/" + tenderId));
            assertThat(supplier.find("main h1").getText()).isEqualTo(title);
            assertThat(supplier.find("a.ocds-releases").getAttribute("href")).contains("/api/procurement/ocds/releases?ocid=");
            supplier.screenshot("tender-en");
            String question = "Is on-site installation included? " + stamp;
            supplier.fill("f-question", question).click("form.ask button");
            supplier.waitFor(ExpectedConditions.urlContains("done=procurement.clarification.asked"));

            staff.go("/en/staff/tenders/" + tenderId);
            assertThat(staff.find(".clarification .question").getText()).isEqualTo(question);
            staff.fill("a-en-0", "Yes, in every school.").fill("a-ar-0", "نعم، في كل مدرسة.");
            staff.click("form.answer-form button");
            staff.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".clarification .answer"),
                "Yes, in every school."));

            supplier.go("/ar/tenders/" + tenderId);
            assertThat(supplier.dir()).isEqualTo("rtl");
            assertThat(supplier.find("main h1").getText()).isEqualTo(titleAr);
            assertThat(supplier.find("dl.clarifications").getText()).contains(question).contains("نعم، في كل مدرسة.");
            supplier.screenshot("tender-ar");

            // a sealed bid with its signed receipt, replaced, then withdrawn
            supplier.click("a.bid-link");
            supplier.waitFor(ExpectedConditions.urlContains("/ar/supplier/tenders/" + tenderId + "/bid"));
            supplier.fill("f-amount", "1150000").click("form.bid-form button");
            supplier.waitFor(ExpectedConditions.urlContains("done=procurement.bid.submitted"));
            String firstHash = supplier.find(".receipt-hash").getText();
            assertThat(firstHash).matches("[0-9a-f]{64}");
            assertThat(supplier.find(".receipt-signature").getText()).isNotBlank();
            assertThat(supplier.dir()).isEqualTo("rtl");
            supplier.screenshot("bid-receipt-ar");
            supplier.fill("f-amount", "1120000").click("form.bid-form button");
            supplier.waitFor(ExpectedConditions.urlContains("done=procurement.bid.replaced"));
            assertThat(supplier.find(".receipt-hash").getText()).matches("[0-9a-f]{64}").isNotEqualTo(firstHash);
            supplier.click("button.withdraw");
            supplier.waitFor(ExpectedConditions.urlContains("done=procurement.bid.withdrawn"));
            assertThat(supplier.all(".receipt")).isEmpty();
            supplier.go("/en/supplier/bids");
            assertThat(supplier.find("table.my-bids").getText()).contains(title).contains("Withdrawn");
            supplier.screenshot("my-bids-en");

            // a tender whose deadlines are seconds away, set up through the API
            String moi = Suite.token("moi-staff");
            Instant soon = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            String quickTitle = "Network printers " + stamp;
            var draft = Suite.postJson(API + "/tenders", """
                {"title":{"en":"%s","ar":"طابعات شبكية %s"},
                 "description":{"en":"40 printers","ar":"40 طابعة"},
                 "category":"it-equipment","estimatedValue":{"amount":200000,"currency":"QAR"},
                 "clarificationDeadline":"%s","submissionDeadline":"%s","openingTime":"%s"}"""
                .formatted(quickTitle, stamp, soon.plusSeconds(40), soon.plusSeconds(60), soon.plusSeconds(65)), moi);
            assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
            String quickId = Suite.json(draft.body()).get("id").asString();
            var published = Suite.postJson(API + "/tenders/" + quickId + "/publish", "", moi);
            assertThat(published.statusCode()).as(published.body()).isEqualTo(200);

            supplier.go("/en/supplier/tenders/" + quickId + "/bid");
            supplier.fill("f-amount", "185000.50").click("form.bid-form button");
            supplier.waitFor(ExpectedConditions.urlContains("done=procurement.bid.submitted"));
            assertThat(supplier.find(".receipt-hash").getText()).matches("[0-9a-f]{64}");
            supplier.screenshot("bid-receipt-en");

            // before the opening the staff see the bids sealed; the service opens them at the opening time
            staff.go("/en/staff/tenders/" + quickId);
            assertThat(staff.find("p.sealed").getText()).contains("sealed");
            assertThat(staff.all("table.opened-bids")).isEmpty();
            waitForOpening(quickId);

            staff.go("/en/staff/tenders/" + quickId);
            assertThat(staff.find("table.opened-bids").getText()).contains(supplierName).contains("185,000.50");
            staff.click("#q-0");
            staff.fill("sc-0", "85").fill("n-0", "Complete offer");
            staff.click("form.evaluation button");
            staff.waitFor(ExpectedConditions.urlContains("done=procurement.staff.evaluated"));
            staff.click("#w-0");
            staff.fill("f-justification-en", "The only compliant offer").fill("f-justification-ar", "العرض الوحيد المطابق");
            staff.click("form.award-form button");
            staff.waitFor(ExpectedConditions.urlContains("done=procurement.staff.awarded"));
            assertThat(staff.find(".award-supplier").getText()).isEqualTo(supplierName);
            staff.screenshot("staff-award-en");
            staff.click("a.lang-switch");
            staff.waitFor(d -> d.getCurrentUrl().contains("/ar/staff/tenders/" + quickId));
            assertThat(staff.dir()).isEqualTo("rtl");
            assertThat(staff.find(".facts .badge").getText()).isEqualTo("رُسّيت");
            staff.screenshot("staff-award-ar");
            staff.go("/ar/staff/tenders");
            assertThat(staff.find("table.staff-tenders").getText()).contains(titleAr);
            staff.screenshot("staff-tenders-ar");
            staff.click("a.lang-switch");
            staff.waitFor(d -> d.getCurrentUrl().contains("/en/staff/tenders"));
            staff.screenshot("staff-tenders-en");
        }

        // anyone, in Arabic: the opening record, the award, and the award in the OCDS releases
        try (PortalBrowser anyone = PortalBrowser.open("ar")) {
            anyone.go("/ar/tenders?status=AWARDED");
            assertThat(anyone.dir()).isEqualTo("rtl");
            assertThat(anyone.find("table.tenders").getText()).contains("طابعات شبكية " + stamp);
            anyone.screenshot("tenders-ar");
            anyone.driver.findElement(By.linkText("طابعات شبكية " + stamp)).click();
            anyone.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.award")));
            assertThat(anyone.find("section.opening").getText()).contains("185");
            assertThat(anyone.find("section.award").getText()).contains("العرض الوحيد المطابق");
            anyone.screenshot("tender-awarded-ar");
            var releases = Suite.get(anyone.find("a.ocds-releases").getAttribute("href"), null);
            assertThat(releases.statusCode()).isEqualTo(200);
            JsonNode package_ = Suite.json(releases.body());
            assertThat(package_.get("releases").valueStream().map(r -> r.get("tag").get(0).asString())).contains("award");
        }
    }

    /** A datetime-local field's value, set as the browser would after picking it (its typing depends on the locale). */
    private static void setLocal(PortalBrowser browser, String id, LocalDateTime value) {
        browser.driver.executeScript("arguments[0].value = arguments[1]", browser.find("#" + id), value.toString());
    }

    private static void waitForOpening(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            var tender = Suite.get(API + "/tenders/" + id, null);
            if (tender.statusCode() == 200 && "OPENED".equals(Suite.json(tender.body()).get("status").asString())) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the bids of " + id + " were not opened within 120 s");
    }

}

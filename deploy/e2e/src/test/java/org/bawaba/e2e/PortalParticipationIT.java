package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bawaba.e2e.Suite.GATEWAY;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The portal's "have your say" pages in a real browser, through the gateway: a citizen signs in once, votes
 * in one poll in English and another in Arabic and checks each receipt, comments on a consultation, files a
 * complaint and finds it by its tracking number; agency staff create and close a poll on their pages and
 * work a complaint from the queue. Polls, consultations and complaints made through the API for the test
 * carry the run's timestamp, so that runs on the same suite do not meet.
 */
class PortalParticipationIT {

    private static final String API = GATEWAY + "/api/participation";

    private static final ZoneId COUNTRY = ZoneId.of("Asia/Qatar");

    private final String run = DateTimeFormatter.ofPattern("HHmmss").format(LocalDateTime.now()) + "-"
        + (System.nanoTime() % 1000);

    @Test
    void aCitizenVotesInEnglishAndInArabicCommentsAndFilesAndFollowsAComplaint() {
        String staff = Suite.token("moi-staff");
        String pollInEnglish = openPoll(staff, "Portal poll " + run + ": which day for late opening?",
            "استطلاع البوابة " + run + ": أي يوم للفتح المسائي؟");
        String pollInArabic = openPoll(staff, "Portal poll " + run + ": which colour for the buses?",
            "استطلاع البوابة " + run + ": أي لون للحافلات؟");
        String consultation = openConsultation(staff);

        try (PortalBrowser browser = PortalBrowser.open("en")) {
            // the landing page, anonymous, then signed in once
            browser.go("/en/participate");
            assertThat(browser.dir()).isEqualTo("ltr");
            assertThat(browser.find("h1").getText()).isEqualTo("Have your say");
            browser.signIn("citizen1");
            browser.waitFor(d -> d.getCurrentUrl().endsWith("/en/participate"));
            assertThat(browser.find("a[href='/en/participate/polls/" + pollInEnglish + "']").getText())
                .contains("Portal poll " + run);
            assertThat(browser.find("li[data-consultation='" + consultation + "']").getText()).contains(run);
            browser.screenshot("participate-en");
            browser.go("/ar/participate");
            assertThat(browser.dir()).isEqualTo("rtl");
            assertThat(browser.find("h1").getText()).isEqualTo("شارك برأيك");
            assertThat(browser.find("a[href='/ar/participate/polls/" + pollInArabic + "']").getText())
                .contains("استطلاع البوابة " + run);
            browser.screenshot("participate-ar");

            // a vote in English: the receipt, counted
            browser.go("/en/participate/polls/" + pollInEnglish);
            assertThat(browser.find("h1").getText()).contains("which day for late opening?");
            browser.screenshot("poll-en");
            browser.click("label[for='option-1']").click("#vote");
            browser.waitFor(d -> d.getCurrentUrl().contains("/en/participate/polls/" + pollInEnglish + "/receipt"));
            assertThat(browser.find("#vote-recorded").getText()).contains("Your vote was recorded");
            String receipt = browser.find("#receipt").getText();
            assertThat(receipt).isNotBlank();
            assertThat(browser.find("#receipt-counted").getText()).isEqualTo("This ballot was counted.");
            assertThat(Suite.get(API + "/polls/" + pollInEnglish + "/receipts/" + receipt, null).statusCode()).isEqualTo(200);
            browser.screenshot("receipt-en");
            browser.go("/en/participate/polls/" + pollInEnglish);
            assertThat(browser.find("#already-voted").getText()).contains("You have voted");
            assertThat(browser.all("#ballot")).isEmpty();

            // the same in Arabic, right to left
            browser.go("/ar/participate/polls/" + pollInArabic);
            assertThat(browser.dir()).isEqualTo("rtl");
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("ar");
            assertThat(browser.find("h1").getText()).contains("أي لون للحافلات؟");
            assertThat(browser.find("label[for='option-0']").getText()).isEqualTo("أحمر");
            browser.screenshot("poll-ar");
            browser.click("label[for='option-0']").click("#vote");
            browser.waitFor(d -> d.getCurrentUrl().contains("/ar/participate/polls/" + pollInArabic + "/receipt"));
            assertThat(browser.dir()).isEqualTo("rtl");
            assertThat(browser.find("#vote-recorded").getText()).contains("سُجّل صوتك");
            String arabicReceipt = browser.find("#receipt").getText();
            assertThat(arabicReceipt).isNotBlank().isNotEqualTo(receipt);
            assertThat(browser.find("#receipt-counted").getText()).isEqualTo("احتُسب هذا الصوت.");
            browser.screenshot("receipt-ar");
            // a receipt that is not this poll's is not counted in it
            browser.go("/ar/participate/polls/" + pollInArabic + "/receipt?code=" + receipt);
            assertThat(browser.find("#receipt-unknown").getText()).isNotBlank();
            assertThat(browser.all("#receipt-counted")).isEmpty();

            // a comment on the consultation
            String comment = "Portal comment " + run + ": please publish the parking map too.";
            browser.go("/en/participate/consultations/" + consultation);
            assertThat(browser.find("h1").getText()).contains(run);
            browser.click("#send-comment");
            browser.waitFor(d -> !d.findElements(By.cssSelector(".field-error")).isEmpty());
            assertThat(browser.find("#comment-body").getAttribute("aria-invalid")).isEqualTo("true");
            browser.fill("comment-body", comment).click("#send-comment");
            browser.waitFor(d -> !d.findElements(By.cssSelector(".notice-ok")).isEmpty());
            assertThat(browser.find(".notice-ok").getText()).isEqualTo("Your comment was published.");
            assertThat(browser.driver.getCurrentUrl()).contains("?done=participation.comment.done");
            assertThat(browser.find("#comments").getText()).contains(comment);
            browser.screenshot("consultation-en");
            browser.go("/ar/participate/consultations/" + consultation);
            assertThat(browser.dir()).isEqualTo("rtl");
            assertThat(browser.find("#comments").getText()).contains(comment);
            browser.screenshot("consultation-ar");
            JsonNode comments = Suite.json(Suite.get(API + "/consultations/" + consultation + "/comments", null).body());
            assertThat(comments.size()).isEqualTo(1);
            assertThat(comments.get(0).get("body").asString()).isEqualTo(comment);

            // a complaint, in Arabic: refused while empty, then filed
            browser.go("/ar/participate/complaints/new");
            assertThat(browser.dir()).isEqualTo("rtl");
            browser.screenshot("complaint-form-ar");
            browser.click("#send-complaint");
            browser.waitFor(d -> !d.findElements(By.cssSelector("#problem")).isEmpty());
            assertThat(browser.find("#subject").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.find("#subject").getAttribute("aria-describedby")).isEqualTo("e-subject");
            assertThat(browser.find("#e-subject").getText()).isNotBlank();
            String subject = "شكوى البوابة " + run;
            browser.click("label[for='kind-COMPLAINT']");
            new Select(browser.find("#agency")).selectByValue("moi");
            browser.fill("subject", subject)
                .fill("description", "انتظرت ساعتين في مركز الخدمة ولم يُنادَ رقمي.")
                .click("#send-complaint");
            browser.waitFor(d -> d.getCurrentUrl().contains("?filed"));
            String number = browser.find("#tracking-number").getText();
            assertThat(number).matches("CS-\\d{4}-\\d{6}");
            assertThat(browser.find("#filed").getText()).contains(number);
            assertThat(browser.find("#complaint-status").getAttribute("data-status")).isEqualTo("FILED");
            assertThat(browser.find("li.step[data-action='file']").isDisplayed()).isTrue();
            browser.screenshot("complaint-ar");

            // found again by its tracking number, from the English landing page
            browser.go("/en/participate");
            browser.fill("track-number", number.toLowerCase());
            browser.click("form[action='/en/participate/complaints/track'] button");
            browser.waitFor(d -> d.getCurrentUrl().endsWith("/en/participate/complaints/" + number));
            assertThat(browser.dir()).isEqualTo("ltr");
            assertThat(browser.find("#tracking-number").getText()).isEqualTo(number);
            assertThat(browser.find("main").getText()).contains(subject).contains("Filed");
            browser.screenshot("complaint-en");
            browser.go("/en/participate/complaints");
            assertThat(browser.find("tr[data-number='" + number + "']").getText()).contains(subject);
            browser.screenshot("complaints-en");
        }
        // leave no open test polls behind for the next run's landing page
        String closer = Suite.token("moi-staff");
        for (String poll : new String[] { pollInEnglish, pollInArabic }) {
            assertThat(Suite.postJson(API + "/polls/" + poll + "/close", "", closer).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void agencyStaffCreateAndCloseAPollAndWorkAComplaintFromTheQueue() {
        String citizen = Suite.token("citizen2");
        String subject = "Portal queue " + run + ": broken ticket machine";
        var filed = Suite.postJson(API + "/complaints", """
            {"kind": "COMPLAINT", "agency": "moi", "subject": "%s", "description": "The ticket machine at the service centre has been broken for a week."}"""
            .formatted(subject), citizen);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        JsonNode complaint = Suite.json(filed.body());
        String number = complaint.get("trackingNumber").asString();
        String question = "Staff poll " + run + ": which hours suit you?";
        String reply = "We replaced the machine today, " + run + ".";

        try (PortalBrowser browser = PortalBrowser.open("en")) {
            browser.go("/en/staff/participation");
            browser.signInOnKeycloak("moi-staff");
            browser.waitFor(d -> d.getCurrentUrl().endsWith("/en/staff/participation"));
            assertThat(browser.find("h1").getText()).isEqualTo("Agency participation");
            browser.screenshot("staff-participation-en");

            // a poll through the form: refused while empty, then created
            browser.click("#new-poll");
            browser.waitFor(d -> d.getCurrentUrl().endsWith("/en/staff/participation/polls/new"));
            browser.click("#create-poll");
            browser.waitFor(d -> !d.findElements(By.cssSelector("#problem")).isEmpty());
            assertThat(browser.find("#question-en").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.find("#e-options").getText()).isNotBlank();
            browser.fill("question-en", question).fill("question-ar", "استطلاع الموظفين " + run + ": أي ساعات تناسبك؟")
                .fill("option1-en", "Mornings").fill("option1-ar", "الصباح")
                .fill("option2-en", "Evenings").fill("option2-ar", "المساء");
            LocalDateTime now = LocalDateTime.now(COUNTRY).truncatedTo(ChronoUnit.MINUTES);
            setValue(browser, "opensAt", now.minusMinutes(1).toString());
            setValue(browser, "closesAt", now.plusDays(3).toString());
            browser.click("label[for='audience-ALL']").click("label[for='visibility-AFTER_CLOSE']");
            browser.screenshot("staff-poll-form-en");
            browser.click("#create-poll");
            browser.waitFor(d -> d.getCurrentUrl().contains("/en/staff/participation?done="));
            assertThat(browser.find(".notice-ok").getText()).contains("The poll was created");
            browser.find("tr.poll");
            WebElement row = browser.driver.findElements(By.cssSelector("tr.poll")).stream()
                .filter(r -> r.getText().contains(question)).findFirst().orElseThrow();
            String pollId = row.getAttribute("data-poll");
            JsonNode poll = Suite.json(Suite.get(API + "/polls/" + pollId, null).body());
            assertThat(poll.get("agency").asString()).isEqualTo("moi");
            assertThat(poll.get("resultsVisibility").asString()).isEqualTo("AFTER_CLOSE");
            assertThat(poll.get("options").size()).isEqualTo(2);
            row.findElement(By.cssSelector("button")).click();
            browser.waitFor(d -> !d.findElements(By.cssSelector(".notice-ok")).isEmpty()
                && d.findElement(By.cssSelector(".notice-ok")).getText().contains("closed"));
            assertThat(Suite.json(Suite.get(API + "/polls/" + pollId, null).body()).get("state").asString()).isEqualTo("CLOSED");
            browser.go("/ar/staff/participation");
            assertThat(browser.dir()).isEqualTo("rtl");
            assertThat(browser.find("h1").getText()).isEqualTo("المشاركة في الجهة");
            browser.screenshot("staff-participation-ar");

            // the complaint from the queue: triage, then a reply the citizen reads
            browser.go("/en/staff/participation/complaints");
            browser.click("tr[data-number='" + number + "'] a");
            browser.waitFor(d -> d.getCurrentUrl().contains("/en/staff/participation/complaints/" + complaint.get("id").asString()));
            assertThat(browser.find("main").getText()).contains(subject);
            browser.click("#triage");
            browser.waitFor(d -> "TRIAGED".equals(d.findElement(By.id("complaint-status")).getAttribute("data-status")));
            browser.fill("reply-message", reply).click("#reply");
            browser.waitFor(d -> "REPLIED".equals(d.findElement(By.id("complaint-status")).getAttribute("data-status")));
            assertThat(browser.find("li.step[data-action='reply']").getText()).contains(reply);
            browser.screenshot("staff-complaint-en");
            browser.go("/ar/staff/participation/complaints");
            assertThat(browser.dir()).isEqualTo("rtl");
            assertThat(browser.find("tr[data-number='" + number + "']").getText()).contains("تم الرد");
            browser.screenshot("staff-complaints-ar");
        }
        JsonNode seen = Suite.json(Suite.get(API + "/complaints/tracking/" + number, citizen).body());
        assertThat(seen.get("status").asString()).isEqualTo("REPLIED");
        assertThat(seen.get("history").findValuesAsString("note")).contains(reply);
    }

    /** A {@code datetime-local} field's value, which Chromium's date picker does not take as typed keys. */
    private static void setValue(PortalBrowser browser, String id, String value) {
        browser.driver.executeScript("arguments[0].value = arguments[1]", browser.find("#" + id), value);
    }

    /** An open single-choice poll of moi (staff through the API), results live, its id. */
    static String openPoll(String staff, String english, String arabic) {
        Instant now = Instant.now();
        var created = Suite.postJson(API + "/polls", """
            {"question": {"en": "%s", "ar": "%s"},
             "options": [{"en": "Red", "ar": "أحمر"}, {"en": "Blue", "ar": "أزرق"}],
             "multipleChoice": false, "opensAt": "%s", "closesAt": "%s", "audience": "ALL",
             "resultsVisibility": "LIVE", "suppressionThreshold": 3}"""
            .formatted(english, arabic, now.minusSeconds(60), now.plus(Duration.ofHours(2))), staff);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Suite.json(created.body()).get("id").asString();
    }

    /** An open consultation of moi with one section, its id. */
    private String openConsultation(String staff) {
        Instant now = Instant.now();
        var created = Suite.postJson(API + "/consultations", """
            {"title": {"en": "Portal consultation %1$s: parking rules", "ar": "استشارة البوابة %1$s: قواعد المواقف"},
             "summary": {"en": "A draft of the new parking rules.", "ar": "مسودة قواعد المواقف الجديدة."},
             "sections": [{"heading": {"en": "Scope", "ar": "النطاق"}, "body": {"en": "Public car parks.", "ar": "المواقف العامة."}}],
             "opensAt": "%2$s", "closesAt": "%3$s"}"""
            .formatted(run, now.minusSeconds(60), now.plus(Duration.ofDays(2))), staff);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Suite.json(created.body()).get("id").asString();
    }

}

package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * How pages meet a person who made a mistake or holds a phone: a refused form opens with GOV.UK's error
 * summary, focused, naming each field as the form labels it in the page's language; on a phone, a table
 * is one card per row with every cell under its column's name, and the header leaves room for the page.
 * The screenshots are the portal README's.
 */
class PortalLayoutIT {

    @Test
    void aRefusedFormOpensWithAFocusedSummaryThatNamesEachFieldInThePagesLanguage() {
        try (PortalBrowser person = PortalBrowser.open("en")) {
            person.go("/en/");
            person.signIn("citizen1");
            for (String lang : List.of("en", "ar")) {
                person.go("/" + lang + "/services/moi-passport-renewal/apply");
                // the national id comes from the sign-in
                assertThat(person.find("#f-idNumber").getAttribute("value")).isEqualTo("28463400001");
                person.fill("f-idNumber", "1234");
                person.click("form.schema-form button[type=submit]");
                person.waitFor(d -> !d.findElements(By.cssSelector("#problem")).isEmpty());
                WebElement summary = person.find("#problem");
                assertThat(person.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("problem");
                List<WebElement> links = summary.findElements(By.cssSelector("a[href^='#f-']"));
                assertThat(links).extracting(WebElement::getText).hasSize(3);
                String text = summary.getText();
                if (lang.equals("en")) {
                    assertThat(text).contains("There is a problem").contains("“Qatari ID number”").contains("11 digits")
                        .contains("“Delivery”");
                } else {
                    assertThat(text).contains("هناك مشكلة").contains("«رقم البطاقة الشخصية»").doesNotContainPattern("[A-Za-z]{3,}");
                }
                // each message is next to its field too, and the field is marked
                assertThat(text).contains(person.find("#e-idNumber").getText());
                assertThat(person.find("#f-idNumber").getAttribute("aria-invalid")).isEqualTo("true");
                // the options are named, not coded
                assertThat(person.all("#f-delivery option")).extracting(WebElement::getText)
                    .doesNotContain("courier", "office").hasSize(3);
                person.screenshot("application-errors-" + lang);
            }
        }
    }

    @Test
    void onAPhoneEachTableCellIsLabelledAndTheHeaderStaysSmall() {
        try (PortalBrowser person = PortalBrowser.open("en")) {
            person.driver.manage().window().setSize(new Dimension(390, 844));
            for (String lang : List.of("en", "ar")) {
                // a dataset of the demo content: its resources and the preview of its rows
                person.go("/" + lang + "/datasets/parks-and-gardens");
                List<WebElement> cells = person.all("table tbody td, table tbody th");
                assertThat(cells).as("the dataset's cells").hasSizeGreaterThan(10);
                for (WebElement cell : cells) {
                    String label = cell.getAttribute("data-label");
                    assertThat(label).as("a cell's column name").isNotBlank();
                    Object shown = person.driver.executeScript(
                        "return getComputedStyle(arguments[0], '::before').content", cell);
                    assertThat(String.valueOf(shown)).as("the column's name shown before the cell").contains(label);
                }
                long header = (Long) person.driver.executeScript(
                    "return Math.round(document.querySelector('.site-header').getBoundingClientRect().height)");
                assertThat(header).as("the header's height on an 844 px screen").isLessThan(200);
                person.screenshot("phone-table-" + lang);
            }
        }
    }


    @Test
    void theCatalogueAndTheInboxNameEverythingInThePagesLanguage() {
        try (PortalBrowser person = PortalBrowser.open("en")) {
            person.go("/en/");
            person.signIn("citizen1");
            for (String lang : List.of("en", "ar")) {
                person.go("/" + lang + "/services");
                assertThat(person.find("main").getText()).doesNotContain("1 services").doesNotContain("MOI");
                person.screenshot("catalogue-" + lang);
                person.go("/" + lang + "/inbox");
                // the demo's complaint and the agency's reply: named, linked to the complaint's page in this language
                assertThat(person.all("li.notice")).isNotEmpty();
                for (WebElement open : person.all("li.notice a")) {
                    assertThat(open.getAttribute("href")).contains("/" + lang + "/");
                }
                person.screenshot("inbox-" + lang);
            }
        }
    }
}

package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The open data pages in a real browser through the gateway: anyone browses, previews and downloads a
 * dataset and finds the DCAT-AP catalogue; an agency's staff member creates a dataset, loads a CSV file
 * (a malformed one first, refused with its line) and finds it by search, in English and Arabic.
 */
class PortalOpendataIT {

    @Test
    void anyoneBrowsesSearchesPreviewsAndDownloadsADataset() {
        try (PortalBrowser browser = PortalBrowser.open("en")) {
            browser.go("/en/datasets");
            assertThat(browser.dir()).isEqualTo("ltr");
            assertThat(browser.find("main h1").getText()).isEqualTo("Open data");
            assertThat(browser.all(".card.dataset")).isNotEmpty();
            browser.screenshot("datasets-en");

            // a live dataset of the platform is always there: search it, narrow by its theme
            browser.fill("q", "usage").click("form.search button");
            browser.waitFor(d -> d.getCurrentUrl().contains("q=usage"));
            browser.click("a[href='/en/datasets/eservices-usage-monthly']");
            browser.waitFor(ExpectedConditions.urlContains("/en/datasets/eservices-usage-monthly"));
            assertThat(browser.find("main h1").getText()).isEqualTo("E-service usage per service and month");
            // the columns by their names, not the data's
            assertThat(browser.all("table.od-preview thead th")).extracting(th -> th.getText()).contains("Month", "Service");
            browser.screenshot("dataset-en");

            String csv = browser.find("a.download").getAttribute("href");
            assertThat(csv).startsWith(Suite.GATEWAY + "/api/opendata/datastore/dump/").endsWith("format=csv");
            var download = Suite.get(csv, null);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body().lines().findFirst().orElseThrow()).contains("month").contains("service");

            String dcat = browser.find("a[type='text/turtle']").getAttribute("href");
            var catalogue = Suite.get(dcat, null);
            assertThat(catalogue.statusCode()).isEqualTo(200);
            assertThat(catalogue.body()).contains("dcat:Catalog").contains("eservices-usage-monthly");

            browser.click("a.lang-switch");
            browser.waitFor(d -> d.getCurrentUrl().contains("/ar/datasets/eservices-usage-monthly"));
            assertThat(browser.dir()).isEqualTo("rtl");
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("ar");
            assertThat(browser.find("main h1").getText()).isEqualTo("استخدام الخدمات الإلكترونية شهرياً لكل خدمة");
            assertThat(browser.find("a.download").getText()).contains("CSV");
            browser.screenshot("dataset-ar");

            browser.go("/ar/datasets");
            assertThat(browser.dir()).isEqualTo("rtl");
            assertThat(browser.find("main h1").getText()).isEqualTo("البيانات المفتوحة");
            browser.screenshot("datasets-ar");
        }
    }

    @Test
    void staffCreateADatasetLoadACsvFileAndEveryoneFindsIt() throws IOException {
        String stamp = String.valueOf(System.currentTimeMillis());
        String name = "e2e-portal-" + stamp;
        // a word nobody else uses, so that the search finds exactly this dataset
        String word = "portalword" + stamp.chars().mapToObj(c -> String.valueOf((char) ('a' + c - '0'))).reduce("", String::concat);
        Path good = Files.writeString(Files.createTempFile("cities", ".csv"), "city,population\nDoha,1186023\nAl Wakrah,141222\n");
        Path bad = Files.writeString(Files.createTempFile("broken", ".csv"), "city,population\nDoha,1186023,extra\n");

        try (PortalBrowser browser = PortalBrowser.open("en")) {
            browser.go("/en/staff/datasets");
            browser.signInOnKeycloak("moi-staff");
            browser.waitFor(ExpectedConditions.urlContains("/en/staff/datasets"));
            assertThat(browser.find("main h1").getText()).isEqualTo("Our datasets");
            browser.screenshot("staff-datasets-en");

            browser.click("a[href='/en/staff/datasets/new']");
            browser.waitFor(ExpectedConditions.urlContains("/en/staff/datasets/new"));
            // bad input: the service's messages next to the fields, nothing created
            browser.fill("f-name", "Not A Name").click("main form button.primary");
            assertThat(browser.find("#e-f-name").getText()).isNotBlank();
            assertThat(browser.find("#f-name").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.find("#f-title-en").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.find("#f-name").getAttribute("value")).isEqualTo("Not A Name");

            browser.fill("f-name", name)
                .fill("f-title-en", "Population of cities " + word)
                .fill("f-title-ar", "سكان المدن " + word)
                .fill("f-notes-en", "Loaded by the portal's browser test.")
                .fill("f-notes-ar", "حمّله اختبار المتصفح للبوابة.")
                .fill("f-tags", "cities, population, مدن");
            browser.click("main form input[name='groups']");
            browser.click("main form button.primary");
            browser.waitFor(ExpectedConditions.urlContains("/en/staff/datasets/" + name));
            assertThat(browser.find("main h1").getText()).isEqualTo("Population of cities " + word);

            // a malformed file is refused with its line; nothing is loaded
            browser.fill("f-resource-en", "Cities").fill("f-resource-ar", "المدن");
            browser.find("#f-file").sendKeys(bad.toAbsolutePath().toString());
            browser.click("form.od-upload button");
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
            assertThat(browser.find("#problem").getText()).contains("2");

            assertThat(browser.find(".od-resource .meta").getText()).doesNotContain("version 1");
            // the resource is there without data: its new-version form loads the corrected file
            browser.find(".od-resource input[type='file']").sendKeys(good.toAbsolutePath().toString());
            browser.click(".od-resource button");
            browser.waitFor(d -> d.findElements(By.cssSelector(".od-resource .meta")).stream()
                .anyMatch(meta -> meta.getText().contains("version 1")));
            browser.click("a.lang-switch");
            browser.waitFor(d -> d.getCurrentUrl().contains("/ar/staff/datasets/" + name));
            assertThat(browser.dir()).isEqualTo("rtl");
            assertThat(browser.find("main h1").getText()).isEqualTo("سكان المدن " + word);
            browser.screenshot("staff-dataset-ar");
        }

        try (PortalBrowser anyone = PortalBrowser.open("ar")) {
            anyone.go("/ar/datasets?q=" + word);
            assertThat(anyone.dir()).isEqualTo("rtl");
            anyone.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href='/ar/datasets/" + name + "']")));
            assertThat(anyone.all(".card.dataset")).hasSize(1);
            anyone.click("a[href='/ar/datasets/" + name + "']");
            anyone.waitFor(ExpectedConditions.urlContains("/ar/datasets/" + name));
            assertThat(anyone.find("main h1").getText()).isEqualTo("سكان المدن " + word);
            assertThat(anyone.find("table.od-preview").getText()).contains("Doha").contains("Al Wakrah");
            anyone.screenshot("uploaded-dataset-ar");
            var rows = Suite.get(anyone.find("a.download").getAttribute("href"), null);
            assertThat(rows.statusCode()).isEqualTo(200);
            assertThat(rows.body()).contains("Doha").contains("1186023");
            anyone.click("a.lang-switch");
            anyone.waitFor(d -> d.getCurrentUrl().contains("/en/datasets/" + name));
            assertThat(anyone.dir()).isEqualTo("ltr");
            assertThat(anyone.find("main h1").getText()).isEqualTo("Population of cities " + word);
            anyone.screenshot("uploaded-dataset-en");
        }
    }

}

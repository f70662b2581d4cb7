package org.bawaba.portal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bawaba.portal.web.IcuMessageSource;
import org.bawaba.portal.web.Lang;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The level-2 form as a PDF, from the catalogue's schema, read back with PDFBox as a screen reader or a
 * search would: the labels, the options and the documents in the form's language, Arabic in its letters.
 */
class FormPdfTest {

	private static final Map<String, Object> SERVICE = Map.of("code", "mme-building-permit",
			"title", Map.of("en", "Building permit", "ar", "رخصة بناء"),
			"description", Map.of("en", "A permit to build a villa, an extension or an annex.",
					"ar", "رخصة لبناء فيلا أو توسعة أو ملحق."),
			"fee", Map.of("amount", 500, "currency", "QAR"),
			"requiredDocuments", List.of(Map.of("code", "site-plan", "name", Map.of("en", "Site plan", "ar", "مخطط الموقع"))),
			"form", Map.of("type", "object", "required", List.of("plotNumber", "buildingType"), "properties",
					new java.util.LinkedHashMap<>(Map.of(
							"plotNumber", Map.of("type", "string", "title", "Plot number", "x-title-ar", "رقم قطعة الأرض"),
							"buildingType", Map.of("type", "string", "title", "Building type", "x-title-ar", "نوع المبنى",
									"enum", List.of("villa", "annex"), "x-enum-titles",
									Map.of("villa", Map.of("en", "New villa", "ar", "فيلا جديدة"),
											"annex", Map.of("en", "Annex", "ar", "ملحق")))))));

	private final FormPdf pdfs = new FormPdf(messages());

	@Test
	void theEnglishFormHasEveryFieldOptionAndDocumentByName() throws IOException {
		String text = text(pdfs.render(SERVICE, Lang.EN, "Ministry of Municipality and Environment"));
		assertThat(text).contains("Application form: Building permit", "Ministry of Municipality and Environment",
				"Plot number (required)", "Building type (required)", "New villa", "Annex", "Documents to bring",
				"Site plan", "Fee: 500 QAR").doesNotContainPattern("(?m)^villa$").doesNotContain("plotNumber");
	}

	@Test
	void theArabicFormIsInArabicLettersRightToLeft() throws IOException {
		byte[] pdf = pdfs.render(SERVICE, Lang.AR, "وزارة البلدية والبيئة");
		String text = text(pdf);
		// read back in logical order: the shaped letters are the same words
		assertThat(text).contains("نموذج طلب: رخصة بناء", "وزارة البلدية والبيئة", "رقم قطعة الأرض (مطلوب)", "فيلا جديدة",
				"ملحق", "المستندات المطلوبة", "مخطط الموقع").doesNotContain("Building").doesNotContain("plotNumber");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("نموذج طلب: رخصة بناء");
		}
	}

	/** The PDF's text as PDFBox extracts it, with Arabic presentation forms read as their letters. */
	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFKC)
				.replaceAll("[ \\t]+", " ");
		}
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new IcuMessageSource();
		messages.setBasenames("i18n/eservices");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}

package org.bawaba.portal.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.bawaba.portal.web.Lang;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * A service's form as a PDF to print, fill in by hand and take to the agency (maturity level 2), made
 * from the same schema as the online form ({@link SchemaForm}): every field by its label in one language,
 * a line to write on, a box for each allowed value, the documents to bring and the fee. Arabic is shaped
 * (ICU's {@code ArabicShaping}: the letters' joined forms) and laid out right to left (ICU's {@code Bidi}),
 * in Noto Sans Arabic (SIL Open Font License, from the npm registry's {@code @expo-google-fonts}), which
 * has the Latin letters too.
 */
@Component
class FormPdf {

	private static final float MARGIN = 50;

	private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

	private final MessageSource messages;

	FormPdf(MessageSource messages) {
		this.messages = messages;
	}

	/** The form of {@code service} (as the catalogue answers it) in {@code lang}, issued by {@code agency}. */
	byte[] render(Map<String, Object> service, Lang lang, String agency) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Writer writer = new Writer(document, lang, font(document, "Regular"), font(document, "Bold"));
			String title = text(service.get("title"), lang);
			PDDocumentInformation information = document.getDocumentInformation();
			information.setTitle(message("form.pdf.title", lang, title));
			information.setAuthor(agency);
			writer.paragraph(message("form.pdf.title", lang, title), true, 16);
			writer.paragraph(agency, false, 11);
			writer.space(6);
			writer.paragraph(text(service.get("description"), lang), false, 10);
			writer.space(6);
			writer.paragraph(message("form.pdf.how", lang, agency), false, 10);
			if (service.get("fee") instanceof Map<?, ?> fee && fee.get("amount") instanceof Number amount
					&& amount.doubleValue() > 0) {
				writer.paragraph(message("form.pdf.fee", lang, amount, fee.get("currency")), false, 10);
			}
			writer.space(10);
			Map<String, Object> schema = service.get("form") instanceof Map<?, ?> form ? cast(form) : null;
			for (SchemaForm.Field field : SchemaForm.fields(schema, lang, Map.of(), Map.of())) {
				writer.field(field, field.required() ? message("form.pdf.required", lang) : null);
			}
			if (service.get("requiredDocuments") instanceof List<?> documents && !documents.isEmpty()) {
				writer.space(8);
				writer.paragraph(message("form.pdf.documents", lang), true, 11);
				for (Object entry : documents) {
					if (entry instanceof Map<?, ?> required) {
						writer.paragraph("• " + text(required.get("name"), lang), false, 10);
					}
				}
			}
			writer.space(16);
			writer.paragraph(message("form.pdf.signature", lang), false, 10);
			writer.close();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the form of " + service.get("code"), ex);
		}
	}

	private String message(String code, Lang lang, Object... args) {
		return messages.getMessage(code, args, lang.locale());
	}

	private static PDFont font(PDDocument document, String weight) throws IOException {
		try (InputStream in = new ClassPathResource("fonts/NotoSansArabic-" + weight + ".ttf").getInputStream()) {
			return PDType0Font.load(document, in, true);
		}
	}

	private static String text(Object bilingual, Lang lang) {
		return bilingual instanceof Map<?, ?> texts && texts.get(lang.code()) != null ? String.valueOf(texts.get(lang.code()))
				: "";
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cast(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}

	/** Writes lines down the pages, from the start edge of the language (right for Arabic). */
	private static final class Writer {

		private final PDDocument document;

		private final Lang lang;

		private final PDFont regular;

		private final PDFont bold;

		private PDPageContentStream page;

		private float y;

		Writer(PDDocument document, Lang lang, PDFont regular, PDFont bold) throws IOException {
			this.document = document;
			this.lang = lang;
			this.regular = regular;
			this.bold = bold;
			newPage();
		}

		void paragraph(String text, boolean strong, float size) throws IOException {
			PDFont font = strong ? bold : regular;
			for (String line : wrap(text, font, size, WIDTH)) {
				room(size * 1.6f);
				y -= size * 1.5f;
				write(line, font, size, 0);
			}
		}

		void space(float points) {
			y -= points;
		}

		/** A field: its label, then a line to write on, or a box per allowed value (or for a yes). */
		void field(SchemaForm.Field field, String required) throws IOException {
			String label = required == null ? field.label() : field.label() + " (" + required + ")";
			room(field.options().isEmpty() ? 44 : 22 + 16 * field.options().size());
			paragraph(label, true, 10);
			if ("checkbox".equals(field.input())) {
				box(0);
				return;
			}
			if (!field.options().isEmpty()) {
				for (SchemaForm.Option option : field.options()) {
					y -= 16;
					box(0);
					write(option.label(), regular, 10, 16);
				}
				y -= 8;
				return;
			}
			y -= 20;
			page.setLineWidth(0.5f);
			page.moveTo(MARGIN, y);
			page.lineTo(MARGIN + WIDTH, y);
			page.stroke();
			y -= 10;
		}

		private void box(float indent) throws IOException {
			float x = lang == Lang.AR ? MARGIN + WIDTH - indent - 10 : MARGIN + indent;
			page.setLineWidth(0.8f);
			page.addRect(x, y - 1, 10, 10);
			page.stroke();
		}

		/** One line, {@code indent} points in from the start edge. */
		private void write(String line, PDFont font, float size, float indent) throws IOException {
			String visual = visual(line);
			float width = font.getStringWidth(visual) / 1000 * size;
			float x = lang == Lang.AR ? MARGIN + WIDTH - indent - width : MARGIN + indent;
			page.beginText();
			page.setFont(font, size);
			page.newLineAtOffset(x, y);
			page.showText(visual);
			page.endText();
		}

		/** The text's words in lines of at most {@code width} points. */
		private List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
			List<String> lines = new ArrayList<>();
			for (String paragraph : text.split("\n")) {
				StringBuilder line = new StringBuilder();
				for (String word : paragraph.split(" ")) {
					String longer = line.isEmpty() ? word : line + " " + word;
					if (!line.isEmpty() && font.getStringWidth(visual(longer)) / 1000 * size > width) {
						lines.add(line.toString());
						line = new StringBuilder(word);
					}
					else {
						line = new StringBuilder(longer);
					}
				}
				lines.add(line.toString());
			}
			return lines;
		}

		/** The characters of a line as drawn left to right: Arabic letters in their joined forms, in visual order. */
		private String visual(String logical) {
			try {
				String shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.LENGTH_GROW_SHRINK
						| ArabicShaping.TEXT_DIRECTION_LOGICAL).shape(logical);
				Bidi bidi = new Bidi(shaped, lang == Lang.AR ? Bidi.RTL : Bidi.LTR);
				return bidi.writeReordered(Bidi.DO_MIRRORING);
			}
			catch (ArabicShapingException ex) {
				throw new IllegalArgumentException("cannot shape " + logical, ex);
			}
		}

		private void room(float needed) throws IOException {
			if (y - needed < MARGIN) {
				newPage();
			}
		}

		private void newPage() throws IOException {
			if (page != null) {
				page.close();
			}
			PDPage next = new PDPage(PDRectangle.A4);
			document.addPage(next);
			page = new PDPageContentStream(document, next);
			y = PDRectangle.A4.getHeight() - MARGIN;
		}

		void close() throws IOException {
			page.close();
		}

	}

}

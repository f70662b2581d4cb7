package org.bawaba.notifications.template;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Fills a template's placeholders from events' data, in one language. */
@Component
public class TemplateRenderer {

	static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.]*)\\s*}}");

	/** {@code {{#field}}…{{/field}}}: shown when the field has a value; {@code {{^field}}…{{/field}}}: when it has none. */
	static final Pattern SECTION = Pattern.compile("\\{\\{([#^])\\s*([A-Za-z][A-Za-z0-9_.]*)\\s*}}(.*?)\\{\\{/\\s*\\2\\s*}}",
			Pattern.DOTALL);

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

	/** An instant as events carry it ({@code 2026-12-14T05:13:09.81Z}); people read it as a date and a time. */
	private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM,
			FormatStyle.SHORT);

	private final MessageSource messages;

	private final ZoneId zone;

	TemplateRenderer(MessageSource messages, @Value("${notifications.zone:Asia/Qatar}") ZoneId zone) {
		this.messages = messages;
		this.zone = zone;
	}

	/** A notice's texts in one language. */
	public record Rendered(String subject, String body) {
	}

	/**
	 * The texts for one event, or, when {@code events} holds several and the template has a summary, the
	 * consolidated texts ({@code {{count}}}, {@code {{items}}} and the latest event's fields).
	 */
	public Rendered render(Template template, List<JsonNode> events, Locale locale) {
		Texts texts = template.in(locale);
		JsonNode latest = events.getLast();
		if (events.size() > 1 && texts.hasSummary()) {
			List<String> items = new ArrayList<>();
			for (JsonNode event : events) {
				items.add("• " + fill(texts.item() == null ? texts.subject() : texts.item(), event, locale, Map.of()));
			}
			Map<String, String> extra = Map.of("count", String.valueOf(events.size()), "items", String.join("\n", items));
			return new Rendered(fill(texts.summarySubject(), latest, locale, extra),
					fill(texts.summaryBody(), latest, locale, extra));
		}
		return new Rendered(fill(texts.subject(), latest, locale, Map.of()), fill(texts.body(), latest, locale, Map.of()));
	}

	/**
	 * {@code text} with its sections kept or dropped (so that an empty list leaves no sentence behind)
	 * and every placeholder replaced (an unknown field becomes empty).
	 */
	public String fill(String text, JsonNode data, Locale locale, Map<String, String> extra) {
		Matcher section = SECTION.matcher(text);
		StringBuilder kept = new StringBuilder();
		while (section.find()) {
			String name = section.group(2);
			String value = extra.containsKey(name) ? extra.get(name) : value(data, name, locale);
			boolean shown = "#".equals(section.group(1)) != value.isBlank();
			section.appendReplacement(kept, Matcher.quoteReplacement(shown ? section.group(3) : ""));
		}
		section.appendTail(kept);
		Matcher matcher = PLACEHOLDER.matcher(kept);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			String value = extra.containsKey(name) ? extra.get(name) : value(data, name, locale);
			matcher.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private String value(JsonNode data, String path, Locale locale) {
		JsonNode node = data;
		for (String part : path.split("\\.")) {
			node = node == null ? null : node.get(part);
		}
		if (node == null || node.isNull() || node.isMissingNode()) {
			return "";
		}
		if (node.isObject()) {
			if (node.has("en") || node.has("ar")) {
				JsonNode localized = node.get(locale.getLanguage());
				return localized == null ? node.get(node.has("en") ? "en" : "ar").asString() : localized.asString();
			}
			if (node.has("amount") && node.has("currency")) {
				return node.get("amount").asString() + " " + node.get("currency").asString();
			}
			return node.toString();
		}
		if (node.isArray()) {
			List<String> values = new ArrayList<>();
			// --- tellonce ---
			// a list of texts in both languages (e.g. the agencies of a tell-us-once outcome) in the reader's
			node.forEach(item -> values.add(item.isObject() && (item.has("en") || item.has("ar"))
					? item.path(item.has(locale.getLanguage()) ? locale.getLanguage() : (item.has("en") ? "en" : "ar")).asString()
					: item.asString()));
			// --- end tellonce ---
			return String.join(", ", values);
		}
		String text = node.asString();
		if (INSTANT.matcher(text).matches()) {
			// in the country's time, written the reader's way
			return TIME.withLocale(locale).format(Instant.parse(text).atZone(zone));
		}
		if (CODE.matcher(text).matches()) {
			return messages.getMessage("value." + text, null, text, locale);
		}
		return text;
	}

	/** The placeholders that are not well formed ({@code {{} without a matching {@code }}}, bad names). */
	static List<String> malformed(String text) {
		List<String> bad = new ArrayList<>();
		if (text == null) {
			return bad;
		}
		text = SECTION.matcher(text).replaceAll(section -> Matcher.quoteReplacement(section.group(3)));
		int at = text.indexOf("{{");
		while (at >= 0) {
			Matcher matcher = PLACEHOLDER.matcher(text);
			if (!matcher.find(at) || matcher.start() != at) {
				int end = text.indexOf("}}", at);
				bad.add(text.substring(at, end < 0 ? Math.min(text.length(), at + 20) : end + 2));
			}
			at = text.indexOf("{{", at + 2);
		}
		return bad;
	}

}

package org.bawaba.portal.procurement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * The evaluation form of the opened bids: one row per bid ({@code bid} = its id, and
 * {@code qualified.<id>}, {@code score.<id>}, {@code note.<id>}), turned into the procurement
 * service's evaluation request. A score that is not a whole number is sent as -1, which the service
 * refuses with its own message.
 */
final class EvaluationForm {

	private EvaluationForm() {
	}

	static Map<String, Object> request(MultiValueMap<String, String> form) {
		List<Map<String, Object>> results = new ArrayList<>();
		Map<String, String> single = form.toSingleValueMap();
		for (String bidId : form.getOrDefault("bid", List.of())) {
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("bidId", bidId);
			result.put("qualified", "true".equals(single.get("qualified." + bidId)));
			result.put("score", score(Forms.value(single, "score." + bidId)));
			result.put("note", Forms.value(single, "note." + bidId));
			results.add(result);
		}
		return Map.of("results", results);
	}

	static int score(String typed) {
		java.math.BigDecimal number = Forms.amount(typed);
		try {
			return number == null ? -1 : number.intValueExact();
		}
		catch (ArithmeticException notWhole) {
			return -1;
		}
	}

}

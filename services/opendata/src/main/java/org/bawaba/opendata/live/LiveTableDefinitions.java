package org.bawaba.opendata.live;

import static org.bawaba.opendata.live.LiveTable.bool;
import static org.bawaba.opendata.live.LiveTable.instant;
import static org.bawaba.opendata.live.LiveTable.integer;
import static org.bawaba.opendata.live.LiveTable.numeric;
import static org.bawaba.opendata.live.LiveTable.text;

import java.util.List;
import java.util.Map;

import org.bawaba.opendata.catalogue.Bilingual;

/**
 * The live datasets: the statistics the UN E-Government Survey asks governments to publish, kept up to date
 * from the platform's events. Only aggregates and public records (procurement awards of businesses); no
 * column can hold a person's identity. Months are calendar months in UTC, {@code YYYY-MM}.
 */
final class LiveTableDefinitions {

	static final String USAGE = "eservices-usage-monthly";

	static final String STATISTICS = "eservices-statistics-monthly";

	static final String RATINGS = "eservices-ratings-monthly";

	static final String POLLS = "poll-results";

	static final String COMPLAINTS = "complaints-monthly";

	static final String SATISFACTION = "satisfaction-monthly";

	static final String AWARDS = "procurement-awards";

	static final String CONTRACTS = "procurement-contracts";

	static final List<LiveTable> ALL = List.of(
			new LiveTable(USAGE, new Bilingual("E-service usage per service and month", "استخدام الخدمات الإلكترونية شهرياً لكل خدمة"),
					new Bilingual("Requests to each service through the national gateway, by outcome and kind of caller; updated live from the gateway's usage records.",
							"الطلبات إلى كل خدمة عبر البوابة الوطنية حسب النتيجة ونوع المستخدم؛ تُحدَّث مباشرة من سجلات الاستخدام."),
					List.of("usage", "e-services", "استخدام", "خدمات إلكترونية"), "government", "UPDATE_CONT",
					List.of(text("month"), text("service"), text("agency"), integer("requests"), integer("successful"),
							integer("client_errors"), integer("server_errors"), integer("anonymous"),
							integer("signed_in"), integer("agency_clients"), integer("total_latency_ms"),
							numeric("mean_latency_ms")),
					List.of("month", "service"),
					Map.of("mean_latency_ms", "round(total_latency_ms::numeric / nullif(requests, 0), 1)")),
			new LiveTable(STATISTICS, new Bilingual("E-service applications and satisfaction per service and month", "طلبات الخدمات الإلكترونية والرضا عنها شهرياً لكل خدمة"),
					new Bilingual("Applications submitted and completed, median processing time and ratings of 4-5, as each agency's e-service statistics are published monthly.",
							"الطلبات المقدمة والمنجزة ومتوسط زمن الإنجاز والتقييمات من 4 إلى 5، كما تنشرها كل جهة شهرياً."),
					List.of("e-services", "satisfaction", "خدمات إلكترونية", "رضا"), "government", "MONTHLY",
					List.of(text("month"), text("service_code"), text("agency"), integer("applications"),
							integer("completed"), numeric("completion_rate"), integer("median_processing_hours"),
							integer("ratings"), integer("satisfied_ratings"), numeric("satisfaction_share")),
					List.of("month", "service_code"),
					Map.of("completion_rate", "round(completed::numeric / nullif(applications, 0), 3)",
							"satisfaction_share", "round(satisfied_ratings::numeric / nullif(ratings, 0), 3)")),
			new LiveTable(RATINGS, new Bilingual("E-service ratings per service and month (live)", "تقييمات الخدمات الإلكترونية شهرياً لكل خدمة (مباشر)"),
					new Bilingual("Ratings (1 to 5) citizens give after a completed application, counted as they arrive.",
							"تقييمات المواطنين (من 1 إلى 5) بعد إنجاز الطلب، تُحتسب فور وصولها."),
					List.of("satisfaction", "ratings", "رضا", "تقييم"), "government", "UPDATE_CONT",
					List.of(text("month"), text("service_code"), text("agency"), integer("ratings"),
							integer("score_total"), integer("satisfied"), numeric("mean_score"),
							numeric("satisfied_share")),
					List.of("month", "service_code"),
					Map.of("mean_score", "round(score_total::numeric / nullif(ratings, 0), 2)", "satisfied_share",
							"round(satisfied::numeric / nullif(ratings, 0), 3)")),
			new LiveTable(POLLS, new Bilingual("Poll results", "نتائج استطلاعات الرأي"),
					new Bilingual("Votes per option of every closed poll; counts too small to publish are suppressed (empty).",
							"الأصوات لكل خيار في كل استطلاع مغلق؛ تُحجب الأعداد الصغيرة جداً."),
					List.of("e-participation", "polls", "مشاركة إلكترونية", "استطلاع"), "government", "UPDATE_CONT",
					List.of(text("poll_id"), text("agency"), text("question_en"), text("question_ar"),
							text("option_id"), text("option_en"), text("option_ar"), integer("votes"),
							integer("total_votes"), bool("suppressed"), bool("multiple_choice"),
							instant("closed_at"), text("month")),
					List.of("poll_id", "option_id"), Map.of()),
			new LiveTable(COMPLAINTS, new Bilingual("Complaints and suggestions per agency, status and month", "الشكاوى والاقتراحات شهرياً حسب الجهة والحالة"),
					new Bilingual("How many complaints and suggestions reached each status in the month, and how many of those had missed their deadline. Counts only.",
							"عدد الشكاوى والاقتراحات التي بلغت كل حالة خلال الشهر، وعدد ما تجاوز منها المهلة. أعداد فقط."),
					List.of("e-participation", "complaints", "مشاركة إلكترونية", "شكاوى"), "government", "UPDATE_CONT",
					List.of(text("month"), text("agency"), text("kind"), text("status"), integer("complaints"),
							integer("sla_breached")),
					List.of("month", "agency", "kind", "status"), Map.of()),
			new LiveTable(SATISFACTION, new Bilingual("Satisfaction surveys per agency, service and month", "استبيانات الرضا شهرياً حسب الجهة والخدمة"),
					new Bilingual("Responses to satisfaction surveys and the share satisfied; service \"*\" is the whole agency.",
							"الردود على استبيانات الرضا ونسبة الراضين؛ الخدمة \"*\" تعني الجهة كلها."),
					List.of("satisfaction", "e-participation", "رضا", "مشاركة إلكترونية"), "government", "MONTHLY",
					List.of(text("month"), text("agency"), text("service_code"), integer("responses"),
							integer("satisfied"), numeric("share")),
					List.of("month", "agency", "service_code"), Map.of()),
			new LiveTable(AWARDS, new Bilingual("Public procurement awards", "ترسيات المشتريات الحكومية"),
					new Bilingual("Every tender award as published: agency, category, supplier (a business) and value.",
							"كل ترسية مناقصة كما نُشرت: الجهة والفئة والمورد (منشأة) والقيمة."),
					List.of("procurement", "awards", "مشتريات", "مناقصات"), "economy", "UPDATE_CONT",
					List.of(text("award_id"), text("tender_id"), text("ocid"), text("agency"), text("category"),
							text("supplier_id"), text("supplier_name"), numeric("amount"), text("currency"),
							instant("awarded_at"), text("month")),
					List.of("award_id"), Map.of()),
			new LiveTable(CONTRACTS, new Bilingual("Public procurement contracts", "عقود المشتريات الحكومية"),
					new Bilingual("Every contract signed after an award: agency, supplier (a business) and value.",
							"كل عقد وُقّع بعد الترسية: الجهة والمورد (منشأة) والقيمة."),
					List.of("procurement", "contracts", "مشتريات", "عقود"), "economy", "UPDATE_CONT",
					List.of(text("contract_id"), text("award_id"), text("tender_id"), text("ocid"), text("agency"),
							text("supplier_id"), numeric("amount"), text("currency"), instant("signed_at"),
							text("month")),
					List.of("contract_id"), Map.of()));

	private LiveTableDefinitions() {
	}

}

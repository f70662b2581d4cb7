package org.bawaba.eservices.statistics;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;
import org.bawaba.platform.security.Roles;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Statistics", description = "Usage and satisfaction per service per month (open, no sign-in)")
class StatisticsController {

	private final StatisticsService statistics;

	StatisticsController(StatisticsService statistics) {
		this.statistics = statistics;
	}

	@GetMapping("/statistics/services")
	@Operation(summary = "Per service, for a month (YYYY-MM, default this month): applications, completion rate, "
			+ "median processing time, share of ratings 4-5")
	List<ServiceStatistics> services(@RequestParam(required = false) @Nullable String month,
			@RequestParam(required = false) @Nullable String agency,
			@RequestParam(required = false) @Nullable String serviceCode) {
		return statistics.month(month(month), agency, serviceCode);
	}

	@PostMapping("/statistics/publish")
	@Operation(summary = "Publish a month's statistics as events now (platform admins); the monthly job does it on the 1st")
	Map<String, Object> publish(@RequestParam String month, Caller caller) {
		caller.requireRole(Roles.PLATFORM_ADMIN);
		YearMonth parsed = month(month);
		return Map.of("month", parsed.toString(), "published", statistics.publish(parsed));
	}

	private static YearMonth month(@Nullable String month) {
		if (month == null) {
			return YearMonth.now(java.time.ZoneOffset.UTC);
		}
		try {
			return YearMonth.parse(month);
		}
		catch (DateTimeParseException ex) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-parameter", "month");
		}
	}

}

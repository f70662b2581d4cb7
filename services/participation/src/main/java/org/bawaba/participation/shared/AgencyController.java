package org.bawaba.participation.shared;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bawaba.contracts.participation.Text;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Agencies", description = "The agencies citizens may file complaints and suggestions against")
class AgencyController {

	private final ParticipationProperties properties;

	AgencyController(ParticipationProperties properties) {
		this.properties = properties;
	}

	record Agency(String code, Text name) {
	}

	@GetMapping("/agencies")
	@Operation(summary = "The agencies, with their names in English and Arabic")
	List<Agency> agencies() {
		return properties.agencies().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
			.map(entry -> new Agency(entry.getKey(), entry.getValue())).toList();
	}

}

package org.bawaba.procurement.award;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.bawaba.procurement.web.Text;

/** Request bodies of evaluation, award and contract. */
final class Requests {

	private Requests() {
	}

	/** The evaluation of every opened bid. */
	record Evaluation(@NotEmpty @Size(max = 500) List<@Valid Result> results) {
	}

	record Result(@NotNull UUID bidId, boolean qualified, @Min(0) @Max(100) int score,
			@NotBlank @Size(max = 2000) String note) {
	}

	/** The award: the winning bid and why, in both languages. */
	record Award(@NotNull UUID bidId, @NotNull @Valid Text justification) {
	}

}

package org.bawaba.eservices.application;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * An application with its agencies' steps (integrated services; empty otherwise).
 *
 * @param application the application
 * @param steps one status per agency's step, in the catalogue's order
 * @param attention whether a step failed or is overdue: the citizen has been told, the agencies must act
 */
record ApplicationView(@JsonUnwrapped Application application, List<ApplicationStep> steps, boolean attention) {

	static ApplicationView of(Application application, List<ApplicationStep> steps) {
		return new ApplicationView(application, steps,
				steps.stream().anyMatch(s -> s.status() == StepStatus.FAILED || s.status() == StepStatus.OVERDUE));
	}

}

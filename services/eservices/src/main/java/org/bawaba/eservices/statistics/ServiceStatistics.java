package org.bawaba.eservices.statistics;

import org.jspecify.annotations.Nullable;

/**
 * Usage and satisfaction of one service in one month.
 * @param applications applications submitted in the month
 * @param completed of those, the ones completed
 * @param completionRate completed / applications
 * @param medianProcessingHours median hours from submission to completion, of those completed
 * @param ratings ratings given in the month
 * @param satisfiedRatings of those, the ones of 4 or 5
 * @param satisfaction satisfiedRatings / ratings, none without ratings
 */
record ServiceStatistics(String serviceCode, String agency, String month, int applications, int completed,
		double completionRate, @Nullable Long medianProcessingHours, int ratings, int satisfiedRatings,
		@Nullable Double satisfaction) {
}

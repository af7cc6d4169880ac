package dev.provenant.signals;

import java.time.OffsetDateTime;

/** One bucket (and group) of decisions, as a dashboard plots it. */
public record DecisionStats(OffsetDateTime bucketStart, String group, int decisions, double humanReviewShare,
		int approved, int rejected, int overdueReviews, int violations, int rolledBackActions, Distribution confidence,
		Distribution dataQuality) {

	/** Percentiles as Cypher's percentileCont. */
	public record Distribution(double mean, double p10, double p50, double p90) {
	}

	public enum Bucket {

		HOUR, DAY

	}

	public enum StatsGroup {

		MODEL_VERSION, PROMPT_VERSION, POLICY

	}

}

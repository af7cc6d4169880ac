package dev.provenant.governance;

import java.time.Duration;

import dev.provenant.graph.Route;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param noPolicyRoute how a decision that names no policy is routed; HUMAN_REVIEW
 * reports NO_POLICY as a reason
 * @param defaultReviewSla the review deadline after occurredAt when the policy sets no
 * reviewSla
 * @param overdueCheckInterval how often pending reviews are checked for a passed deadline
 * (each is announced as REVIEW_OVERDUE once)
 */
@ConfigurationProperties("provenant.governance")
public record GovernanceProperties(@DefaultValue("HUMAN_REVIEW") Route noPolicyRoute,
		@DefaultValue("PT24H") Duration defaultReviewSla, @DefaultValue("PT15S") Duration overdueCheckInterval) {
}

package dev.provenant.audit;

import java.util.List;

import dev.provenant.support.Story;

/**
 * The story the audit tests tell: source crm feeds feature f; under policy pol, which
 * officers review, decision d went out alone and set off action a, and decision p waits
 * for review by approver ana, an officer.
 */
final class AuditStory {

	private AuditStory() {
	}

	static Story told(Story story) {
		return story.dataSource("crm")
			.feature("f", "crm")
			.add("policies", "id", "pol", "approverRoles", List.of(story.id("officer")))
			.approver("ana")
			.with("role", story.id("officer"))
			.decision("d", "2026-11-02T09:00:00Z", "f")
			.with("policy", "pol")
			.decision("p", "2026-11-02T09:00:00Z", "f")
			.with("policy", "pol")
			.with("route", "HUMAN_REVIEW")
			.action("a", "2026-11-02T09:01:00Z", "d");
	}

}

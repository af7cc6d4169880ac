package dev.provenant.governance;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.provenant.api.Connection;
import dev.provenant.graph.Decision;
import dev.provenant.impact.TimeWindow;
import dev.provenant.ingest.ProvenanceBatch.DecisionInput;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class GovernanceController {

	private final AssessService assess;

	private final PolicyViolationService violations;

	private final ReviewService reviews;

	private final QuarantineService quarantine;

	GovernanceController(AssessService assess, PolicyViolationService violations, ReviewService reviews,
			QuarantineService quarantine) {
		this.assess = assess;
		this.violations = violations;
		this.reviews = reviews;
		this.quarantine = quarantine;
	}

	@QueryMapping
	Assessment assess(@Argument DecisionInput decision) {
		return this.assess.assess(decision);
	}

	@QueryMapping
	Connection<PolicyViolation> policyViolations(@Argument OffsetDateTime from, @Argument OffsetDateTime to,
			@Argument Integer first, @Argument String after) {
		return this.violations.violations(new TimeWindow(from, to), first, after);
	}

	@QueryMapping
	Connection<ReviewItem> reviewQueue(@Argument String role, @Argument Boolean overdueOnly, @Argument Integer first,
			@Argument String after) {
		return this.reviews.queue(role, Boolean.TRUE.equals(overdueOnly), first, after);
	}

	@MutationMapping
	Decision review(@Argument String decisionId, @Argument String approverId, @Argument Review.Verdict verdict,
			@Argument String rationale) {
		return this.reviews.review(decisionId, approverId, verdict, rationale);
	}

	@BatchMapping(typeName = "Decision")
	Map<Decision, List<Review>> reviews(List<Decision> decisions) {
		Map<String, List<Review>> byId = this.reviews.reviews(decisions.stream().map(Decision::id).toList());
		Map<Decision, List<Review>> result = new HashMap<>();
		decisions.forEach(d -> result.put(d, byId.getOrDefault(d.id(), List.of())));
		return result;
	}

	@QueryMapping
	List<Quarantine> quarantines(@Argument Boolean activeOnly) {
		return this.quarantine.quarantines(!Boolean.FALSE.equals(activeOnly));
	}

	@MutationMapping
	QuarantineReport quarantine(@Argument String id, @Argument String reason, @Argument String by) {
		return this.quarantine.quarantine(id, reason, by);
	}

	@MutationMapping
	QuarantineReport release(@Argument String id, @Argument String reason, @Argument String by) {
		return this.quarantine.release(id, reason, by);
	}

}

package dev.provenant.governance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.provenant.api.Connection;
import dev.provenant.api.Notes;
import dev.provenant.graph.Decision;
import dev.provenant.impact.TimeWindow;
import dev.provenant.ingest.ProvenanceBatch.DecisionInput;
import dev.provenant.node.NodeAt;
import dev.provenant.security.ApproverIdentity;
import dev.provenant.security.ForOperators;
import dev.provenant.security.ForReaders;
import dev.provenant.security.ForReviewers;
import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.LocalContextValue;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class GovernanceController {

	private final AssessService assess;

	private final PolicyViolationService violations;

	private final ReviewService reviews;

	private final QuarantineService quarantine;

	private final ApproverIdentity approvers;

	GovernanceController(AssessService assess, PolicyViolationService violations, ReviewService reviews,
			QuarantineService quarantine, ApproverIdentity approvers, BatchLoaderRegistry loaders) {
		loaders.forTypePair(NodeAt.class, ReviewService.DecisionReviews.class)
			.registerMappedBatchLoader((refs, env) -> Mono.fromCallable(() -> reviews.reviews(List.copyOf(refs))));
		this.assess = assess;
		this.violations = violations;
		this.reviews = reviews;
		this.quarantine = quarantine;
		this.approvers = approvers;
	}

	@ForReaders
	@QueryMapping
	Assessment assess(@Argument DecisionInput decision) {
		return this.assess.assess(decision);
	}

	@ForReaders
	@QueryMapping
	Connection<PolicyViolation> policyViolations(@Argument OffsetDateTime from, @Argument OffsetDateTime to,
			@Argument Integer first, @Argument String after) {
		return this.violations.violations(new TimeWindow(from, to), first, after);
	}

	@ForReaders
	@QueryMapping
	Connection<ReviewItem> reviewQueue(@Argument String role, @Argument Boolean overdueOnly, @Argument Integer first,
			@Argument String after) {
		return this.reviews.queue(role, Boolean.TRUE.equals(overdueOnly), first, after);
	}

	@ForReviewers
	@MutationMapping
	Decision review(@Argument String decisionId, @Argument String approverId, @Argument Review.Verdict verdict,
			@Argument String rationale, Authentication caller) {
		return this.reviews.review(decisionId, this.approvers.actingAs(caller, approverId), verdict, rationale,
				caller.getName());
	}

	@SchemaMapping(typeName = "Decision")
	CompletableFuture<List<Review>> reviews(Decision decision, DataLoader<NodeAt, ReviewService.DecisionReviews> loader,
			@LocalContextValue(required = false) OffsetDateTime asOf) {
		return loader.load(new NodeAt(decision.id(), asOf)).thenApply(ReviewService.DecisionReviews::reviews);
	}

	@SchemaMapping(typeName = "Decision")
	CompletableFuture<List<Approval>> approvals(Decision decision,
			DataLoader<NodeAt, ReviewService.DecisionReviews> loader,
			@LocalContextValue(required = false) OffsetDateTime asOf) {
		return loader.load(new NodeAt(decision.id(), asOf)).thenApply(ReviewService.DecisionReviews::approvals);
	}

	@ForReaders
	@QueryMapping
	List<Quarantine> quarantines(@Argument Boolean activeOnly) {
		return this.quarantine.quarantines(!Boolean.FALSE.equals(activeOnly));
	}

	@ForReaders
	@QueryMapping
	QuarantineReport quarantinePreview(@Argument String id) {
		return this.quarantine.preview(id);
	}

	@ForOperators
	@MutationMapping
	QuarantineReport quarantine(@Argument String id, @Argument String reason, @Argument String note,
			@Argument String by, Authentication caller) {
		return this.quarantine.quarantine(id, reason, caller.getName(), Notes.either(note, by));
	}

	@ForOperators
	@MutationMapping
	QuarantineReport release(@Argument String id, @Argument String reason, @Argument String note, @Argument String by,
			Authentication caller) {
		return this.quarantine.release(id, reason, caller.getName(), Notes.either(note, by));
	}

	/** The principal, under the name the field had before it was called actor. */
	@SchemaMapping(typeName = "QuarantineEvent")
	String by(Quarantine.Event event) {
		return event.actor();
	}

}

package dev.provenant.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.provenant.support.Errors;
import dev.provenant.support.GraphQlIT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reviewers racing on one pending decision: exactly one verdict is recorded, the others
 * get CONFLICT.
 */
class ConcurrentReviewIT extends GraphQlIT {

	@Test
	void racingReviewersRecordExactlyOneVerdict() throws Exception {
		story().add("policies", "id", "pol", "approverRoles", List.of(id("officer")))
			.approver("ana")
			.with("role", id("officer"))
			.approver("ben")
			.with("role", id("officer"))
			.decision("d", "2026-11-02T09:00:00Z")
			.with("policy", "pol")
			.with("route", "HUMAN_REVIEW")
			.ingest(this.graphQl);
		int reviewers = 6;
		ExecutorService pool = Executors.newFixedThreadPool(reviewers);
		List<String> outcomes = new ArrayList<>();
		try {
			List<Callable<String>> calls = new ArrayList<>();
			for (int i = 0; i < reviewers; i++) {
				String approver = (i % 2 == 0) ? "ana" : "ben";
				String verdict = (i % 3 == 0) ? "REJECT" : "APPROVE";
				calls.add(() -> {
					List<String> result = new ArrayList<>();
					this.graphQl.documentName("review")
						.variable("decisionId", id("d"))
						.variable("approverId", id(approver))
						.variable("verdict", verdict)
						.variable("rationale", "race")
						.execute()
						.errors()
						.satisfy(errors -> result.add(errors.isEmpty() ? "OK" : Errors.classification(errors.get(0))));
					return result.get(0);
				});
			}
			for (Future<String> outcome : pool.invokeAll(calls)) {
				outcomes.add(outcome.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(outcomes).containsOnlyOnce("OK").containsOnly("OK", "CONFLICT");
		this.graphQl.documentName("decisionGovernance")
			.variable("id", id("d"))
			.execute()
			.path("node.reviews")
			.entityList(Object.class)
			.hasSize(1);
	}

}

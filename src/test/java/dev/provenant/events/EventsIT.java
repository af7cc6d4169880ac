package dev.provenant.events;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import dev.provenant.governance.OverdueReviews;
import dev.provenant.support.Errors;
import dev.provenant.support.GraphQlIT;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * GraphQL subscriptions over WebSocket (graphql-transport-ws): a dashboard hears of
 * escalations, overdue reviews, verdicts, quarantines and policy violations as their
 * writes commit, and of nothing a rolled-back write did.
 */
class EventsIT extends GraphQlIT {

	private static final String FIELDS = "{ id type at subjectId detail subject { id kind ... on Decision { reviewState } } }";

	@Autowired
	private GovernanceEvents events;

	@Autowired
	private OverdueReviews overdue;

	private final List<Disposable> open = new java.util.ArrayList<>();

	/** This test's subscriptions not ended yet. */
	private final java.util.concurrent.atomic.AtomicInteger openHere = new java.util.concurrent.atomic.AtomicInteger();

	@AfterEach
	void close() {
		this.open.forEach(Disposable::dispose);
	}

	@Test
	void anEscalationReachesSubscribersWhenItsDecisionCommits() throws Exception {
		CompletableFuture<List<Map<String, Object>>> heard = listen(socket(Map.of("X-API-Key", TestKeys.READER), null),
				"subscription { escalations " + FIELDS + " }", "escalations", 1, mine());
		pendingDecision("d1", now());

		Map<String, Object> event = heard.get(20, TimeUnit.SECONDS).get(0);
		assertThat(event).containsEntry("id", "escalation:" + id("d1"))
			.containsEntry("type", "ESCALATION")
			.containsEntry("subjectId", id("d1"));
		assertThat(event.get("subject")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("kind", "DECISION")
			.containsEntry("reviewState", "PENDING");
		assertThat(event.get("detail")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("outcome", "refund")
			.containsKeys("reviewDeadline", "reasons", "occurredAt");
	}

	@Test
	void theRoleFilterKeepsEscalationsThatRoleMayReview() throws Exception {
		CompletableFuture<List<Map<String, Object>>> heard = listen(socket(Map.of("X-API-Key", TestKeys.READER), null),
				"subscription($role: String) { escalations(role: $role) " + FIELDS + " }",
				Map.of("role", id("officer")), "escalations", 2, mine());
		story().dataSource("crm")
			.feature("f", "crm")
			.add("policies", "id", "officers", "approverRoles", List.of(id("officer")))
			.add("policies", "id", "auditors", "approverRoles", List.of(id("auditor")))
			.decision("d-officers", now(), "f")
			.with("policy", "officers")
			.with("route", "HUMAN_REVIEW")
			.decision("d-auditors", now(), "f")
			.with("policy", "auditors")
			.with("route", "HUMAN_REVIEW")
			.ingest(this.graphQl);
		pendingDecision("d-anyone", now());

		assertThat(heard.get(20, TimeUnit.SECONDS)).extracting(event -> event.get("subjectId"))
			.containsExactlyInAnyOrder(id("d-officers"), id("d-anyone"));
	}

	@Test
	void quarantineAndReleaseAreHeardWithTheBlastRadius() throws Exception {
		CompletableFuture<List<Map<String, Object>>> heard = listen(
				socket(Map.of("Authorization", "Bearer " + TestKeys.READER), null),
				"subscription { quarantines " + FIELDS + " }", "quarantines", 2, mine());
		story().dataSource("crm").feature("f", "crm").decision("d1", now(), "f").ingest(this.graphQl);
		quarantine("crm");
		release("crm");

		List<Map<String, Object>> list = heard.get(20, TimeUnit.SECONDS);
		assertThat(list).extracting(event -> event.get("type")).containsExactly("QUARANTINED", "RELEASED");
		assertThat(list.get(0).get("detail")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("kind", "DATA_SOURCE")
			.containsEntry("reason", "suspect")
			.containsEntry("actor", "test-admin")
			.containsEntry("decisionCount", 1);
		assertThat(list.get(0).get("id")).isNotEqualTo(list.get(1).get("id"));
	}

	@Test
	void aPolicyViolationIsHeard() throws Exception {
		CompletableFuture<List<Map<String, Object>>> heard = listen(socket(Map.of("X-API-Key", TestKeys.READER), null),
				"subscription { policyViolations " + FIELDS + " }", "policyViolations", 1, mine());
		story().dataSource("crm")
			.feature("f", "crm")
			.add("policies", "id", "pol", "minConfidence", 0.9)
			.decision("d1", now(), "f")
			.with("policy", "pol")
			.with("route", "AUTONOMOUS")
			.with("confidence", 0.2)
			.ingest(this.graphQl);

		Map<String, Object> event = heard.get(20, TimeUnit.SECONDS).get(0);
		assertThat(event).containsEntry("type", "POLICY_VIOLATION").containsEntry("subjectId", id("d1"));
		assertThat(event.get("detail").toString()).contains("LOW_CONFIDENCE");
	}

	@Test
	void aReviewPassingItsDeadlineIsAnnouncedOnce() throws Exception {
		CompletableFuture<List<Map<String, Object>>> heard = listen(socket(Map.of("X-API-Key", TestKeys.READER), null),
				"subscription { overdueReviews " + FIELDS + " }", "overdueReviews", 1, mine());
		pendingDecision("d1", now());
		this.overdue.check();
		assertThat(heard).isNotDone();

		this.clock.advance(Duration.ofHours(25));
		this.overdue.check();
		assertThat(heard.get(20, TimeUnit.SECONDS).get(0)).containsEntry("id", "review-overdue:" + id("d1"));

		assertTheNextCheckAnnouncesNothingMore();
	}

	@Test
	void aDecisionRecordedAfterItsDeadlineIsOverdueAtOnceAndOnlyOnce() throws Exception {
		CompletableFuture<List<Map<String, Object>>> heard = listen(socket(Map.of("X-API-Key", TestKeys.READER), null),
				"subscription { governanceEvents(types: [ESCALATION, REVIEW_OVERDUE]) " + FIELDS + " }",
				"governanceEvents", 2, mine());
		pendingDecision("late", "2026-01-02T09:00:00Z");
		List<Map<String, Object>> list = heard.get(20, TimeUnit.SECONDS);
		assertThat(list).extracting(event -> event.get("type")).containsExactly("ESCALATION", "REVIEW_OVERDUE");
		// Times as the DateTime scalar writes them, seconds included.
		assertThat(list.get(1).get("detail")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("occurredAt", "2026-01-02T09:00:00Z")
			.containsEntry("reviewDeadline", "2026-01-03T09:00:00Z");

		assertTheNextCheckAnnouncesNothingMore();
	}

	@Test
	void aVerdictIsHeard() throws Exception {
		CompletableFuture<List<Map<String, Object>>> heard = listen(socket(Map.of("X-API-Key", TestKeys.READER), null),
				"subscription { governanceEvents(types: [REVIEWED]) " + FIELDS + " }", "governanceEvents", 1, mine());
		pendingDecision("d1", now());
		approve("d1");

		Map<String, Object> event = heard.get(20, TimeUnit.SECONDS).get(0);
		assertThat(event).containsEntry("id", "reviewed:" + id("d1"));
		assertThat(event.get("detail")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("verdict", "APPROVE")
			.containsEntry("approverId", id("ana"))
			.containsEntry("actor", "test-admin");
	}

	@Test
	void aRejectedBatchAnnouncesNothing() throws Exception {
		CompletableFuture<List<Map<String, Object>>> heard = listen(socket(Map.of("X-API-Key", TestKeys.READER), null),
				"subscription { governanceEvents " + FIELDS + " }", "governanceEvents", 1, mine());
		this.graphQl.documentName("ingest")
			.variable("batch", story().decision("d1", now(), "no-such-feature").with("route", "HUMAN_REVIEW").batch())
			.execute()
			.errors()
			.satisfy(errors -> Errors.assertAll(errors, "BAD_REQUEST"));
		pendingDecision("after", now());

		assertThat(heard.get(20, TimeUnit.SECONDS).get(0)).containsEntry("subjectId", id("after"));
	}

	@Test
	void theHandshakesOwnHeaderAuthenticatesToo() throws Exception {
		CompletableFuture<List<Map<String, Object>>> heard = listen(socket(null, TestKeys.READER),
				"subscription { escalations " + FIELDS + " }", "escalations", 1, mine());
		pendingDecision("d1", now());
		assertThat(heard.get(20, TimeUnit.SECONDS)).hasSize(1);
	}

	@Test
	void withoutACredentialASubscriptionIsUnauthorized() {
		assertThatThrownBy(() -> socket(null, null).document("subscription { escalations { id } }")
			.executeSubscription()
			.blockFirst(Duration.ofSeconds(20))).isInstanceOfSatisfying(SubscriptionErrorException.class,
					error -> Errors.assertAll(error.getErrors(), "UNAUTHORIZED"));
	}

	@Test
	void aBadKeyInConnectionInitClosesTheConnection() {
		assertThatThrownBy(
				() -> socket(Map.of("X-API-Key", "not-a-key"), null).document("subscription { escalations { id } }")
					.executeSubscription()
					.blockFirst(Duration.ofSeconds(20)))
			.hasMessageContaining("4401");
	}

	/**
	 * A review is announced overdue once: a further check says nothing of this test's.
	 */
	private void assertTheNextCheckAnnouncesNothingMore() throws InterruptedException {
		CompletableFuture<List<Map<String, Object>>> again = listen(socket(Map.of("X-API-Key", TestKeys.READER), null),
				"subscription { overdueReviews " + FIELDS + " }", "overdueReviews", 1, mine());
		this.overdue.check();
		Thread.sleep(300);
		assertThat(again).isNotDone();
	}

	private void pendingDecision(String local, String occurredAt) {
		story().dataSource("crm-" + local)
			.feature("f-" + local, "crm-" + local)
			.approver("ana")
			.decision(local, occurredAt, "f-" + local)
			.with("route", "HUMAN_REVIEW")
			.with("outcome", "refund")
			.ingest(this.graphQl);
	}

	private void approve(String decision) {
		approve(decision, "ana");
	}

	private static String now() {
		return OffsetDateTime.now(ZoneOffset.UTC).toString();
	}

	/** Only this test's events: the database is shared. */
	private Predicate<Map<String, Object>> mine() {
		String prefix = id("");
		return event -> String.valueOf(event.get("subjectId")).startsWith(prefix);
	}

	private WebSocketGraphQlClient socket(Map<String, Object> initPayload, String headerKey) {
		WebSocketGraphQlClient.Builder<?> builder = WebSocketGraphQlClient
			.builder(URI.create("ws://localhost:" + this.port + "/graphql"), new StandardWebSocketClient());
		if (initPayload != null) {
			builder.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(initPayload);
				}
			});
		}
		if (headerKey != null) {
			builder.header("X-API-Key", headerKey);
		}
		return builder.build();
	}

	private CompletableFuture<List<Map<String, Object>>> listen(WebSocketGraphQlClient client, String document,
			String field, int count, Predicate<Map<String, Object>> filter) throws InterruptedException {
		return listen(client, document, Map.of(), field, count, filter);
	}

	/**
	 * The first {@code count} events the subscription delivers that pass the filter;
	 * returns once the service has registered the subscription, so nothing written after
	 * is missed.
	 */
	@SuppressWarnings("unchecked")
	private CompletableFuture<List<Map<String, Object>>> listen(WebSocketGraphQlClient client, String document,
			Map<String, Object> variables, String field, int count, Predicate<Map<String, Object>> filter)
			throws InterruptedException {
		// A subscription this test ended client-side lingers on the service a moment:
		// wait until only the open ones are counted, so the count below can only grow by
		// the new one.
		long settling = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.events.listeners() > this.openHere.get() && System.nanoTime() < settling) {
			Thread.sleep(20);
		}
		int before = this.events.listeners();
		CompletableFuture<List<Map<String, Object>>> heard = new CompletableFuture<>();
		this.openHere.incrementAndGet();
		this.open.add(client.document(document)
			.variables(variables)
			.executeSubscription()
			.map(ClientGraphQlResponse::toMap)
			.map(response -> (Map<String, Object>) ((Map<String, Object>) response.get("data")).get(field))
			.filter(filter)
			.take(count)
			.doFinally(signal -> this.openHere.decrementAndGet())
			.collectList()
			.subscribe(heard::complete, heard::completeExceptionally));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (this.events.listeners() <= before && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(this.events.listeners()).as("subscription registered").isGreaterThan(before);
		return heard;
	}

}

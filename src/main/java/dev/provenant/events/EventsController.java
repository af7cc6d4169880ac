package dev.provenant.events;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import dev.provenant.api.InvalidArgument;
import dev.provenant.events.GovernanceEvent.Type;
import dev.provenant.graph.ProvenanceNode;
import dev.provenant.node.NodeReader;
import dev.provenant.security.ForReaders;
import reactor.core.publisher.Flux;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/** GraphQL subscriptions to governance events, and the event's subject. */
@Controller
class EventsController {

	private final GovernanceEvents events;

	private final NodeReader nodes;

	private final EventFollower follower;

	EventsController(GovernanceEvents events, NodeReader nodes, EventFollower follower) {
		this.events = events;
		this.nodes = nodes;
		this.follower = follower;
	}

	@ForReaders
	@SubscriptionMapping
	Flux<GovernanceEvent> governanceEvents(@Argument List<Type> types, @Argument String after) {
		Set<Type> wanted = (types == null || types.isEmpty()) ? Set.of(Type.values()) : Set.copyOf(types);
		Flux<GovernanceEvent> events = (after != null) ? this.follower.after(cursor(after)) : this.events.stream();
		return events.filter(event -> wanted.contains(event.type()));
	}

	private static long cursor(String after) {
		try {
			long sequence = Long.parseLong(after.strip());
			if (sequence >= 0) {
				return sequence;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new InvalidArgument("after", "'" + after + "' is not an event's cursor (a number, from cursor)");
	}

	@ForReaders
	@SubscriptionMapping
	Flux<GovernanceEvent> escalations(@Argument String role) {
		return ofType(Set.of(Type.ESCALATION)).filter(event -> reviewableBy(event, role));
	}

	@ForReaders
	@SubscriptionMapping
	Flux<GovernanceEvent> overdueReviews(@Argument String role) {
		return ofType(Set.of(Type.REVIEW_OVERDUE)).filter(event -> reviewableBy(event, role));
	}

	@ForReaders
	@SubscriptionMapping
	Flux<GovernanceEvent> quarantines() {
		return ofType(Set.of(Type.QUARANTINED, Type.RELEASED));
	}

	@ForReaders
	@SubscriptionMapping
	Flux<GovernanceEvent> policyViolations() {
		return ofType(Set.of(Type.POLICY_VIOLATION));
	}

	@SchemaMapping(typeName = "GovernanceEvent")
	ProvenanceNode subject(GovernanceEvent event) {
		return this.nodes.find(event.subjectId()).orElse(null);
	}

	private Flux<GovernanceEvent> ofType(Set<Type> types) {
		return this.events.stream().filter(event -> types.contains(event.type()));
	}

	/** As the review queue's role filter: no required roles means any approver. */
	private static boolean reviewableBy(GovernanceEvent event, String role) {
		if (role == null) {
			return true;
		}
		Object roles = event.detail().get("requiredRoles");
		return !(roles instanceof Collection<?> required) || required.isEmpty() || required.contains(role);
	}

}

package dev.provenant.governance;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.provenant.events.GovernanceEvent;
import dev.provenant.events.GovernanceEvents;
import dev.provenant.graph.Decision;
import dev.provenant.graph.Utc;
import dev.provenant.store.GraphStore;
import dev.provenant.store.NodeMapping;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Announces each pending review once as it passes its deadline. The first check after a
 * start looks at every pending review (catching up on what passed while the service was
 * down); later ones at deadlines passed since the previous check, with a minute's slack
 * for a decision whose write was still open when that check ran.
 */
@Component
public class OverdueReviews {

	static final int CHUNK = 1_000;

	private static final Duration SLACK = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(OverdueReviews.class);

	private final GraphStore store;

	private final GovernanceEvents events;

	private final Clock clock;

	private OffsetDateTime checkedUpTo = Utc.START_OF_TIME;

	OverdueReviews(GraphStore store, GovernanceEvents events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${provenant.governance.overdue-check-interval:PT15S}",
			fixedDelayString = "${provenant.governance.overdue-check-interval:PT15S}")
	void scheduledCheck() {
		try {
			check();
		}
		catch (RuntimeException ex) {
			log.warn("Checking for overdue reviews failed; trying again at the next interval: {}", ex.toString());
		}
	}

	/** Announces the reviews that became overdue; returns how many. */
	public synchronized int check() {
		OffsetDateTime now = Utc.of(OffsetDateTime.now(this.clock));
		OffsetDateTime since = this.checkedUpTo.isBefore(now) ? this.checkedUpTo : now;
		int announced = 0;
		Chunk chunk;
		do {
			chunk = this.store.write(tx -> announceChunk(tx, since, now));
			announced += chunk.announced();
		}
		while (chunk.matched() == CHUNK);
		this.checkedUpTo = now.minus(SLACK);
		if (announced > 0) {
			log.info("{} pending reviews passed their deadline", announced);
		}
		return announced;
	}

	private Chunk announceChunk(TransactionContext tx, OffsetDateTime since, OffsetDateTime now) {
		List<GovernanceEvent> overdue = new ArrayList<>();
		int matched = 0;
		Result rows = this.store.run(tx, "governance/announce_overdue",
				Map.of("since", since, "now", now, "limit", CHUNK, "token", UUID.randomUUID().toString()));
		while (rows.hasNext()) {
			Record row = rows.next();
			matched++;
			if (row.get("mine").asBoolean()) {
				overdue.add(DecisionEvents.of(GovernanceEvent.Type.REVIEW_OVERDUE, now,
						(Decision) NodeMapping.toNode(row.get("d"))));
			}
		}
		this.events.record(tx, overdue);
		return new Chunk(matched, overdue.size());
	}

	/**
	 * Rows the check matched (a full chunk means more may be left) and those it
	 * announced.
	 */
	private record Chunk(int matched, int announced) {
	}

}

package dev.provenant.events;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.provenant.store.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.TransactionContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The governance events every instance hears, kept in the store: a write appends its
 * events in its own transaction (so they exist exactly when the write does), numbered in
 * commit order; each instance's {@link EventFollower} reads them back and tells its
 * subscribers. Outside the whole-store proof (ADR 11): derived from audited writes.
 */
@Component
@Order(0)
class EventLog implements EventsRecorded {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {
	};

	private final GraphStore store;

	EventLog(GraphStore store) {
		this.store = store;
	}

	@Override
	public void recorded(TransactionContext tx, List<GovernanceEvent> events) {
		List<Map<String, Object>> rows = new ArrayList<>(events.size());
		for (GovernanceEvent event : events) {
			Map<String, Object> row = new HashMap<>();
			row.put("id", event.id());
			row.put("type", event.type().name());
			row.put("at", event.at());
			row.put("subjectId", event.subjectId());
			row.put("detail", JSON.writeValueAsString(event.detail()));
			rows.add(row);
		}
		this.store.runLater(tx, "events/append", Map.of("rows", rows));
	}

	/** The last sequence handed out. */
	long head(SimpleQueryRunner tx) {
		return this.store.run(tx, "events/head", Map.of()).single().get("sequence").asLong();
	}

	/**
	 * Up to {@code limit} events after {@code after} and up to {@code upTo}, in order.
	 */
	List<GovernanceEvent> read(long after, long upTo, int limit) {
		return this.store
			.read(tx -> this.store.run(tx, "events/after", Map.of("after", after, "upTo", upTo, "limit", limit))
				.list(EventLog::event));
	}

	/** Forgets events recorded before {@code before}, a batch per transaction. */
	long forgetOlderThan(OffsetDateTime before) {
		long forgotten = 0;
		long batch;
		do {
			batch = this.store
				.write(tx -> this.store.run(tx, "events/forget_older", Map.of("before", before, "limit", 10_000))
					.single()
					.get("forgotten")
					.asLong());
			forgotten += batch;
		}
		while (batch > 0);
		return forgotten;
	}

	private static GovernanceEvent event(Record row) {
		return new GovernanceEvent(row.get("id").asString(), GovernanceEvent.Type.valueOf(row.get("type").asString()),
				row.get("at").asOffsetDateTime(),
				row.get("subjectId").isNull() ? null : row.get("subjectId").asString(),
				JSON.readValue(row.get("detail").asString(), DETAIL), row.get("sequence").asLong());
	}

}

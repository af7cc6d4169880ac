package dev.provenant.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.provenant.api.ApiProperties;
import dev.provenant.api.Connection;
import dev.provenant.api.PageRequest;
import dev.provenant.graph.Utc;
import dev.provenant.store.GraphStore;

import org.springframework.stereotype.Service;

/** Reading the log: all of it, or the events that touched one node, newest first. */
@Service
public class AuditService {

	private final GraphStore store;

	private final ApiProperties api;

	AuditService(GraphStore store, ApiProperties api) {
		this.store = store;
		this.api = api;
	}

	public Connection<AuditEvent> log(OffsetDateTime from, OffsetDateTime to, Integer first, String after) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("from", Utc.of(from));
		parameters.put("to", Utc.of(to));
		return page("audit/log_page", "audit/log_count", parameters, first, after);
	}

	public Connection<AuditEvent> trail(String id, Integer first, String after) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", id);
		return page("audit/trail_page", "audit/trail_count", parameters, first, after);
	}

	private Connection<AuditEvent> page(String query, String count, Map<String, Object> parameters, Integer first,
			String after) {
		PageRequest page = PageRequest.of(first, after, this.api.maxPageSize());
		parameters.put("skip", page.offset());
		parameters.put("limit", page.size());
		return this.store.read(tx -> {
			List<AuditEvent> events = new ArrayList<>();
			this.store.run(tx, query, parameters)
				.forEachRemaining(row -> events.add(AuditVerifier.AuditEvents.toEvent(row.get("e"))));
			int total = this.store.run(tx, count, parameters).single().get("total").asInt();
			return page.page(events, total);
		});
	}

}

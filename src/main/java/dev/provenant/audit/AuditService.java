package dev.provenant.audit;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import dev.provenant.api.Connection;
import dev.provenant.graph.Utc;
import dev.provenant.store.PagedQueries;
import org.neo4j.driver.Record;

import org.springframework.stereotype.Service;

/** Reading the log: all of it, or the events that touched one node, newest first. */
@Service
public class AuditService {

	private final PagedQueries pages;

	AuditService(PagedQueries pages) {
		this.pages = pages;
	}

	public Connection<AuditEvent> log(OffsetDateTime from, OffsetDateTime to, Integer first, String after) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("from", Utc.of(from));
		parameters.put("to", Utc.of(to));
		return this.pages.page("audit/log_page", "audit/log_count", parameters, first, after, AuditService::event);
	}

	public Connection<AuditEvent> trail(String id, Integer first, String after) {
		return this.pages.page("audit/trail_page", "audit/trail_count", Map.of("id", id), first, after,
				AuditService::event);
	}

	private static AuditEvent event(Record row) {
		return StoredEvents.read(row.get("e"))
			.orElseThrow(
					() -> new dev.provenant.api.StateConflict(null, "An audit event in this page is malformed: it was "
							+ "changed beneath the API; verifyAuditLog names it"));
	}

}

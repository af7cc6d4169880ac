package dev.provenant.support;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten records that only make sense together, sent in one {@code ingest}: a source, a
 * feature, five decisions, three actions. For tests that kill the service under writes
 * and then check that each batch is wholly present or wholly absent.
 */
public final class TenRecordBatch {

	public static final int RECORDS = 10;

	public final String prefix;

	/** Whether the service answered that all ten were created. */
	public volatile boolean acknowledged;

	/** Why it was not, as the client saw it. */
	public volatile String failure;

	public TenRecordBatch(String prefix) {
		this.prefix = prefix;
	}

	public List<String> ids() {
		List<String> ids = new ArrayList<>();
		for (String local : List.of("ds", "f", "d1", "d2", "d3", "d4", "d5", "a1", "a2", "a3")) {
			ids.add(this.prefix + ":" + local);
		}
		return ids;
	}

	/** Sends it; false on any failure, as a client that lost its answer sees it. */
	public boolean ingest(PackagedService service, HttpClient http, String apiKey) {
		try {
			Map<String, Object> response = service.graphQl(http, apiKey,
					Map.of("query", "mutation($b: ProvenanceBatch!) { ingest(batch: $b) { created } }", "variables",
							Map.of("b", records())));
			this.acknowledged = response.get("errors") == null && Integer.valueOf(RECORDS)
				.equals(((Map<?, ?>) ((Map<?, ?>) response.get("data")).get("ingest")).get("created"));
			this.failure = this.acknowledged ? null : response.toString();
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			this.acknowledged = false;
			this.failure = ex.toString();
		}
		return this.acknowledged;
	}

	/**
	 * Asks the service for the batch's records and checks that they are all there or none
	 * is, all if it was acknowledged, and with their edges.
	 * @return how many are there
	 */
	@SuppressWarnings("unchecked")
	public long check(PackagedService service, HttpClient http, String apiKey) throws Exception {
		StringBuilder query = new StringBuilder("{");
		List<String> ids = ids();
		for (int i = 0; i < ids.size(); i++) {
			query.append(" n")
				.append(i)
				.append(": node(id: \"")
				.append(ids.get(i))
				.append("\") { id ... on Decision { features { id } } }");
		}
		Map<String, Object> response = service.graphQl(http, apiKey, Map.of("query", query.append(" }").toString()));
		assertThat(response.get("errors")).as("errors reading batch %s", this.prefix).isNull();
		Map<String, Object> data = (Map<String, Object>) response.get("data");
		long present = data.values().stream().filter(node -> node != null).count();
		assertThat(present).as("records of batch %s present (acknowledged: %s)", this.prefix, this.acknowledged)
			.isIn(0L, (long) RECORDS);
		if (this.acknowledged) {
			assertThat(present).as("acknowledged batch %s", this.prefix).isEqualTo(RECORDS);
		}
		if (present > 0) {
			assertThat(data.get("n2").toString()).as("decision edges of %s", this.prefix).contains(this.prefix + ":f");
		}
		return present;
	}

	private Map<String, Object> records() {
		String p = this.prefix + ":";
		List<Map<String, Object>> decisions = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			decisions.add(Map.of("id", p + "d" + i, "occurredAt", "2026-11-26T10:00:00Z", "outcome", "approve",
					"confidence", 0.9, "route", "AUTONOMOUS", "features", List.of(p + "f")));
		}
		return Map.of("dataSources", List.of(Map.of("id", p + "ds")), "features",
				List.of(Map.of("id", p + "f", "derivedFrom", List.of(p + "ds"))), "decisions", decisions, "actions",
				List.of(action(p, "a1", List.of()), action(p, "a2", List.of(p + "a1")),
						action(p, "a3", List.of(p + "a2"))));
	}

	private static Map<String, Object> action(String p, String local, List<String> triggeredBy) {
		return Map.of("id", p + local, "occurredAt", "2026-11-26T10:01:00Z", "type", "notify", "decision", p + "d1",
				"triggeredBy", triggeredBy);
	}

}

package dev.provenant.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A test graph told as a story: records with short local ids, turned into an ingest batch
 * whose ids (and the references between them) carry the test's unique prefix.
 */
public final class Story {

	private static final Set<String> REFERENCE_FIELDS = Set.of("derivedFrom", "trainedOn", "usesFeatures",
			"modelVersion", "promptVersion", "features", "dataSources", "policy", "approvedBy", "decision",
			"triggeredBy", "supersedes");

	private final UnaryOperator<String> id;

	private final Map<String, List<Map<String, Object>>> records = new LinkedHashMap<>();

	private Map<String, Object> last;

	Story(UnaryOperator<String> id) {
		this.id = id;
	}

	public Story dataSource(String id) {
		return add("dataSources", "id", id, "uri", "s3://bucket/" + id, "owner", "data-team");
	}

	public Story feature(String id, String... derivedFrom) {
		return add("features", "id", id, "derivedFrom", List.of(derivedFrom));
	}

	public Story model(String id, String... usesFeatures) {
		return add("modelVersions", "id", id, "model", "risk", "version", id, "usesFeatures", List.of(usesFeatures));
	}

	public Story prompt(String id) {
		return add("promptVersions", "id", id, "prompt", "explain", "version", "1", "template", "Explain {x}");
	}

	public Story policy(String id) {
		return add("policies", "id", id);
	}

	public Story approver(String id) {
		return add("approvers", "id", id, "role", "credit-officer");
	}

	/** An autonomous decision that used the given features. */
	public Story decision(String id, String occurredAt, String... features) {
		return add("decisions", "id", id, "occurredAt", occurredAt, "outcome", "approve", "confidence", 0.9, "route",
				"AUTONOMOUS", "features", List.of(features));
	}

	public Story action(String id, String occurredAt, String decision, String... triggeredBy) {
		return add("actions", "id", id, "occurredAt", occurredAt, "type", "notify", "decision", decision, "triggeredBy",
				List.of(triggeredBy));
	}

	/** Sets a field of the record added last; reference fields get the test prefix. */
	public Story with(String field, Object value) {
		this.last.put(field, prefixed(field, value));
		return this;
	}

	/**
	 * Adds a record of any kind, e.g.
	 * {@code add("policies", "id", "p1", "name", "Lending")}.
	 */
	public Story add(String kind, Object... fieldsAndValues) {
		Map<String, Object> record = new LinkedHashMap<>();
		for (int i = 0; i < fieldsAndValues.length; i += 2) {
			String field = (String) fieldsAndValues[i];
			record.put(field, ("id".equals(field)) ? this.id.apply((String) fieldsAndValues[i + 1])
					: prefixed(field, fieldsAndValues[i + 1]));
		}
		this.records.computeIfAbsent(kind, key -> new ArrayList<>()).add(record);
		this.last = record;
		return this;
	}

	public Map<String, Object> batch() {
		return new LinkedHashMap<>(this.records);
	}

	/** Ingests the story and fails the test on any error. */
	public GraphQlTester.Response ingest(GraphQlTester graphQl) {
		GraphQlTester.Response response = graphQl.documentName("ingest").variable("batch", batch()).execute();
		response.errors().verify();
		return response;
	}

	public String id(String local) {
		return this.id.apply(local);
	}

	public List<String> ids(String... locals) {
		return Arrays.stream(locals).map(this.id).toList();
	}

	private Object prefixed(String field, Object value) {
		if (!REFERENCE_FIELDS.contains(field)) {
			return value;
		}
		if (value instanceof String local) {
			return this.id.apply(local);
		}
		if (value instanceof List<?> list) {
			return list.stream().map(item -> this.id.apply((String) item)).toList();
		}
		return value;
	}

}

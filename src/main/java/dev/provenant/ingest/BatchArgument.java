package dev.provenant.ingest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.provenant.graph.Route;

/**
 * The GraphQL {@code batch} argument, as GraphQL Java has coerced it (maps, lists,
 * strings, doubles, booleans, {@link OffsetDateTime} for {@code DateTime}, enum names),
 * made into a {@link ProvenanceBatch} field by field.
 * <p>
 * Spring's argument binder looks up each record's constructor by reflection for every
 * object it binds ({@code Class.getRecordComponents} is not cached): 56 ms for a batch of
 * 1,200 records in a microbenchmark, and 7% of the service's CPU under small writes;
 * without it, one writer's ingest ran 6% faster. The schema has already checked every
 * type, required field and unknown field before this runs, so what is left is to read
 * them. {@code BatchArgumentTests} holds this to the binder's answer for every field.
 */
final class BatchArgument {

	private BatchArgument() {
	}

	static ProvenanceBatch of(Map<String, Object> batch) {
		return new ProvenanceBatch(list(batch, "dataSources", BatchArgument::dataSource),
				list(batch, "features", BatchArgument::feature),
				list(batch, "modelVersions", BatchArgument::modelVersion),
				list(batch, "promptVersions", BatchArgument::promptVersion),
				list(batch, "policies", BatchArgument::policy), list(batch, "approvers", BatchArgument::approver),
				list(batch, "decisions", BatchArgument::decision), list(batch, "actions", BatchArgument::action));
	}

	private static ProvenanceBatch.DataSourceInput dataSource(Map<String, Object> in) {
		return new ProvenanceBatch.DataSourceInput(text(in, "id"), text(in, "name"), text(in, "uri"), text(in, "owner"),
				in.get("attributes"));
	}

	private static ProvenanceBatch.FeatureInput feature(Map<String, Object> in) {
		return new ProvenanceBatch.FeatureInput(text(in, "id"), text(in, "name"), ids(in, "derivedFrom"),
				in.get("attributes"));
	}

	private static ProvenanceBatch.ModelVersionInput modelVersion(Map<String, Object> in) {
		return new ProvenanceBatch.ModelVersionInput(text(in, "id"), text(in, "name"), text(in, "model"),
				text(in, "version"), ids(in, "trainedOn"), ids(in, "usesFeatures"), in.get("attributes"));
	}

	private static ProvenanceBatch.PromptVersionInput promptVersion(Map<String, Object> in) {
		return new ProvenanceBatch.PromptVersionInput(text(in, "id"), text(in, "name"), text(in, "prompt"),
				text(in, "version"), text(in, "template"), in.get("attributes"));
	}

	private static ProvenanceBatch.PolicyInput policy(Map<String, Object> in) {
		return new ProvenanceBatch.PolicyInput(text(in, "id"), text(in, "name"), in.get("attributes"),
				number(in, "minConfidence"), number(in, "minDataQuality"), number(in, "maxRiskScore"),
				ids(in, "approverRoles"), text(in, "reviewSla"), flag(in, "escalateOnQuarantinedInput"),
				text(in, "supersedes"), flag(in, "requireVerifiedReview"));
	}

	private static ProvenanceBatch.ApproverInput approver(Map<String, Object> in) {
		return new ProvenanceBatch.ApproverInput(text(in, "id"), text(in, "name"), text(in, "role"),
				in.get("attributes"));
	}

	private static ProvenanceBatch.DecisionInput decision(Map<String, Object> in) {
		return new ProvenanceBatch.DecisionInput(text(in, "id"), text(in, "name"), time(in, "occurredAt"),
				text(in, "subject"), text(in, "outcome"), number(in, "confidence"), route(in.get("route")),
				text(in, "modelVersion"), text(in, "promptVersion"), ids(in, "features"), ids(in, "dataSources"),
				text(in, "policy"), ids(in, "approvedBy"), in.get("attributes"), number(in, "dataQuality"),
				number(in, "riskScore"));
	}

	private static ProvenanceBatch.ActionInput action(Map<String, Object> in) {
		return new ProvenanceBatch.ActionInput(text(in, "id"), text(in, "name"), time(in, "occurredAt"),
				text(in, "type"), text(in, "target"), flag(in, "reversible"), text(in, "decision"),
				ids(in, "triggeredBy"), in.get("attributes"));
	}

	@SuppressWarnings("unchecked")
	private static <T> List<T> list(Map<String, Object> batch, String field, Function<Map<String, Object>, T> each) {
		List<Map<String, Object>> inputs = (List<Map<String, Object>>) batch.get(field);
		if (inputs == null) {
			return null;
		}
		List<T> records = new ArrayList<>(inputs.size());
		for (Map<String, Object> input : inputs) {
			records.add(each.apply(input));
		}
		return records;
	}

	private static String text(Map<String, Object> in, String field) {
		Object value = in.get(field);
		return (value != null) ? value.toString() : null;
	}

	@SuppressWarnings("unchecked")
	private static List<String> ids(Map<String, Object> in, String field) {
		List<Object> values = (List<Object>) in.get(field);
		if (values == null) {
			return null;
		}
		List<String> ids = new ArrayList<>(values.size());
		for (Object value : values) {
			ids.add((value != null) ? value.toString() : null);
		}
		return ids;
	}

	private static Double number(Map<String, Object> in, String field) {
		Object value = in.get(field);
		return (value != null) ? ((Number) value).doubleValue() : null;
	}

	private static Boolean flag(Map<String, Object> in, String field) {
		return (Boolean) in.get(field);
	}

	private static OffsetDateTime time(Map<String, Object> in, String field) {
		return (OffsetDateTime) in.get(field);
	}

	private static Route route(Object value) {
		if (value == null || value instanceof Route) {
			return (Route) value;
		}
		return Route.valueOf(value.toString());
	}

}

package dev.provenant.openlineage;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.provenant.graph.Route;
import dev.provenant.ingest.ProvenanceBatch.DecisionInput;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Provenant's own run facet, {@code provenant_decision}, with which an AI pipeline
 * reports the decisions a run made, with their model and prompt versions, features and
 * policy, as the {@code ingest} mutation takes them (schema:
 * {@code docs/openlineage/ProvenantDecisionRunFacet.json}):
 *
 * <pre>
 * "run": {"runId": "…", "facets": {"provenant_decision": {
 *   "_producer": "…", "_schemaURL": "https://provenant.dev/spec/facets/1-0-0/ProvenantDecisionRunFacet.json",
 *   "decisions": [{"id": "dec:1", "occurredAt": "2026-11-26T10:00:00Z", "outcome": "approve",
 *                  "route": "AUTONOMOUS", "confidence": 0.93, "modelVersion": "mv:risk-7",
 *                  "promptVersion": "pv:explain-3", "features": ["feat:income"], "policy": "pol:lending"}]}}}
 * </pre>
 *
 * Each decision also READ the run's input datasets. Values of the wrong type are refused
 * here, naming the field; the rest is checked as ingest checks any decision.
 */
final class DecisionFacet {

	static final String NAME = "provenant_decision";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DecisionFacet() {
	}

	/** The decisions a run event's facet reports; none without the facet. */
	static List<DecisionInput> of(JsonNode event, String where) {
		JsonNode facet = event.path("run").path("facets").path(NAME);
		if (facet.isMissingNode() || facet.isNull()) {
			return List.of();
		}
		String at = where + "run.facets." + NAME + ".";
		JsonNode list = facet.path("decisions");
		if (!list.isArray() || list.isEmpty()) {
			throw new MalformedEvent(at + "decisions must be a non-empty array of decisions");
		}
		List<DecisionInput> decisions = new ArrayList<>(list.size());
		for (int i = 0; i < list.size(); i++) {
			decisions.add(decision(list.get(i), at + "decisions[" + i + "]."));
		}
		return decisions;
	}

	private static DecisionInput decision(JsonNode node, String at) {
		if (!node.isObject()) {
			throw new MalformedEvent(at.substring(0, at.length() - 1) + " must be an object");
		}
		return new DecisionInput(text(node, "id", at, true), text(node, "name", at, false), time(node, at),
				text(node, "subject", at, false), text(node, "outcome", at, true), number(node, "confidence", at),
				route(node, at), text(node, "modelVersion", at, false), text(node, "promptVersion", at, false),
				texts(node, "features", at), texts(node, "dataSources", at), text(node, "policy", at, false),
				texts(node, "approvedBy", at), attributes(node, at), number(node, "dataQuality", at),
				number(node, "riskScore", at));
	}

	/** The decisions, each also reading the run's input datasets. */
	static List<DecisionInput> reading(List<DecisionInput> decisions, List<String> inputs) {
		if (inputs.isEmpty()) {
			return decisions;
		}
		List<DecisionInput> reading = new ArrayList<>(decisions.size());
		for (DecisionInput d : decisions) {
			List<String> sources = new ArrayList<>((d.dataSources() != null) ? d.dataSources() : List.of());
			inputs.stream().filter(input -> !sources.contains(input)).forEach(sources::add);
			reading.add(new DecisionInput(d.id(), d.name(), d.occurredAt(), d.subject(), d.outcome(), d.confidence(),
					d.route(), d.modelVersion(), d.promptVersion(), d.features(), sources, d.policy(), d.approvedBy(),
					d.attributes(), d.dataQuality(), d.riskScore()));
		}
		return reading;
	}

	private static String text(JsonNode node, String field, String at, boolean required) {
		JsonNode value = node.path(field);
		if (value.isMissingNode() || value.isNull()) {
			if (required) {
				throw new MalformedEvent(at + field + " is required");
			}
			return null;
		}
		if (!value.isString()) {
			throw new MalformedEvent(at + field + " must be a string");
		}
		return value.asString();
	}

	private static List<String> texts(JsonNode node, String field, String at) {
		JsonNode value = node.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isArray()) {
			throw new MalformedEvent(at + field + " must be an array of ids");
		}
		List<String> ids = new ArrayList<>(value.size());
		for (JsonNode id : value) {
			if (!id.isString()) {
				throw new MalformedEvent(at + field + " must be an array of ids");
			}
			ids.add(id.asString());
		}
		return ids;
	}

	private static Double number(JsonNode node, String field, String at) {
		JsonNode value = node.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isNumber()) {
			throw new MalformedEvent(at + field + " must be a number");
		}
		return value.asDouble();
	}

	private static OffsetDateTime time(JsonNode node, String at) {
		String text = text(node, "occurredAt", at, true);
		try {
			return OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new MalformedEvent(
					at + "occurredAt must be an ISO-8601 date-time with an offset, got '" + text + "'");
		}
	}

	private static Route route(JsonNode node, String at) {
		String text = text(node, "route", at, true);
		try {
			return Route.valueOf(text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedEvent(at + "route must be AUTONOMOUS or HUMAN_REVIEW, got '" + text + "'");
		}
	}

	private static Object attributes(JsonNode node, String at) {
		JsonNode value = node.path("attributes");
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			throw new MalformedEvent(at + "attributes must be a JSON object");
		}
		return JSON.treeToValue(value, Map.class);
	}

}

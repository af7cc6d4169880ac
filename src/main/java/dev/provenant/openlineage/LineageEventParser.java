package dev.provenant.openlineage;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import dev.provenant.audit.CanonicalJson;
import dev.provenant.ingest.ProvenanceBatch.DecisionInput;
import io.openlineage.server.OpenLineage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads OpenLineage events into the {@code openlineage-java} server model. The model
 * classes check nothing themselves (a dataset event even parses as a run event with no
 * run), so the kind of event is told from its {@code schemaURL}, as Marquez does, and the
 * fields the spec requires are checked here, each failure naming the field. Unknown
 * fields and facets are kept: in the stored text, and in the model's additional
 * properties.
 */
@Component
class LineageEventParser {

	private static final Set<String> EVENT_TYPES = Set.of("START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER");

	private final JsonMapper json = JsonMapper.builder().build();

	/** One event: the body of {@code POST /api/v1/lineage}. */
	LineageEvent one(byte[] body) {
		return event(tree(body), "");
	}

	/** A JSON array of events: the body of {@code POST /api/v1/lineage/batch}. */
	List<LineageEvent> batch(byte[] body) {
		JsonNode array = tree(body);
		if (!array.isArray()) {
			throw new MalformedEvent("The batch must be a JSON array of OpenLineage events");
		}
		List<LineageEvent> events = new ArrayList<>(array.size());
		for (int i = 0; i < array.size(); i++) {
			events.add(event(array.get(i), "[" + i + "] "));
		}
		return events;
	}

	private JsonNode tree(byte[] body) {
		if (body == null || body.length == 0) {
			throw new MalformedEvent("The request has no body; send an OpenLineage event as JSON");
		}
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new MalformedEvent("The body is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	private LineageEvent event(JsonNode node, String where) {
		if (!node.isObject()) {
			throw new MalformedEvent(where + "An OpenLineage event must be a JSON object");
		}
		OffsetDateTime eventTime = eventTime(node, where);
		text(node, "producer", where);
		String schemaUrl = text(node, "schemaURL", where);
		LineageEvent.Type type = type(node, schemaUrl);
		switch (type) {
			case RunEvent -> {
				String runId = text(node.path("run"), "runId", where + "run.");
				try {
					UUID.fromString(runId);
				}
				catch (IllegalArgumentException ex) {
					throw new MalformedEvent(where + "run.runId must be a UUID, got '" + runId + "'");
				}
				job(node, where);
				JsonNode eventType = node.path("eventType");
				if (!eventType.isMissingNode() && !eventType.isNull()
						&& !EVENT_TYPES.contains(eventType.asString("").toUpperCase(Locale.ROOT))) {
					throw new MalformedEvent(
							where + "eventType must be one of " + EVENT_TYPES + ", got " + eventType.toString());
				}
			}
			case DatasetEvent -> dataset(node.path("dataset"), where + "dataset.");
			case JobEvent -> job(node, where);
		}
		datasets(node, "inputs", where);
		datasets(node, "outputs", where);
		OpenLineage.BaseEvent event = model(node, type, where);
		String text = node.toString();
		List<DecisionInput> decisions = (type == LineageEvent.Type.RunEvent) ? DecisionFacet.of(node, where)
				: List.of();
		return new LineageEvent(text, CanonicalJson.digest(this.json.treeToValue(node, Object.class)), type, eventTime,
				event, runFacets(node), decisions);
	}

	/** The run's facets as JSON text, kept for the run node; null when there are none. */
	private static String runFacets(JsonNode node) {
		JsonNode facets = node.path("run").path("facets");
		return facets.isObject() ? facets.toString() : null;
	}

	/**
	 * The kind of event: the last segment of its schemaURL ({@code …#/$defs/RunEvent}),
	 * else its shape.
	 */
	private static LineageEvent.Type type(JsonNode node, String schemaUrl) {
		String fragment = schemaUrl.substring(schemaUrl.lastIndexOf('/') + 1);
		for (LineageEvent.Type type : LineageEvent.Type.values()) {
			if (type.name().equals(fragment)) {
				return type;
			}
		}
		if (!node.has("run") && node.has("dataset")) {
			return LineageEvent.Type.DatasetEvent;
		}
		if (!node.has("run") && node.has("job")) {
			return LineageEvent.Type.JobEvent;
		}
		return LineageEvent.Type.RunEvent;
	}

	private OpenLineage.BaseEvent model(JsonNode node, LineageEvent.Type type, String where) {
		// The model reads event types in upper case only; clients write them so, and the
		// check above already accepted any case.
		JsonNode normalised = node;
		if (node.path("eventType").isString()) {
			normalised = node.deepCopy();
			((tools.jackson.databind.node.ObjectNode) normalised).put("eventType",
					node.path("eventType").asString().toUpperCase(Locale.ROOT));
		}
		try {
			return switch (type) {
				case RunEvent -> this.json.treeToValue(normalised, OpenLineage.RunEvent.class);
				case DatasetEvent -> this.json.treeToValue(normalised, OpenLineage.DatasetEvent.class);
				case JobEvent -> this.json.treeToValue(normalised, OpenLineage.JobEvent.class);
			};
		}
		catch (JacksonException ex) {
			throw new MalformedEvent(where + "Not a valid OpenLineage " + type + ": " + ex.getOriginalMessage());
		}
	}

	private static OffsetDateTime eventTime(JsonNode node, String where) {
		String text = text(node, "eventTime", where);
		try {
			return OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new MalformedEvent(
					where + "eventTime must be an ISO-8601 date-time with an offset, got '" + text + "'");
		}
	}

	private static void job(JsonNode node, String where) {
		JsonNode job = node.path("job");
		text(job, "namespace", where + "job.");
		text(job, "name", where + "job.");
	}

	private static void datasets(JsonNode node, String field, String where) {
		JsonNode list = node.path(field);
		if (list.isMissingNode() || list.isNull()) {
			return;
		}
		if (!list.isArray()) {
			throw new MalformedEvent(where + field + " must be an array of datasets");
		}
		for (int i = 0; i < list.size(); i++) {
			dataset(list.get(i), where + field + "[" + i + "].");
		}
	}

	private static void dataset(JsonNode dataset, String where) {
		text(dataset, "namespace", where);
		text(dataset, "name", where);
	}

	/** A required, non-blank string field. */
	private static String text(JsonNode node, String field, String where) {
		JsonNode value = node.path(field);
		if (!value.isString() || value.asString().isBlank()) {
			throw new MalformedEvent(where + field + " is required" + (value.isMissingNode() ? "" : " as a string"));
		}
		return value.asString();
	}

}

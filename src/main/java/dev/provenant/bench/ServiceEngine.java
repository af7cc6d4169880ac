package dev.provenant.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Provenant as its users reach it: GraphQL over HTTP with an API key, every id paged
 * through the ids-only fields.
 */
final class ServiceEngine implements Engine {

	private static final int ID_PAGE = 100_000;

	private static final String LINEAGE = "query($id: ID!, $depth: Int!) { lineage(id: $id, direction: UPSTREAM, "
			+ "depth: $depth) { nodes { id } edges { from to type } } }";

	private static final String COUNT = "query($id: ID!, $from: DateTime) { blastRadius(id: $id, from: $from) {"
			+ " decisionCount actionCount } }";

	private static final String IDS = "query($id: ID!, $from: DateTime, $decisionsAfter: String, "
			+ "$actionsAfter: String, $decisions: Boolean!, $actions: Boolean!) { blastRadius(id: $id, from: $from) {"
			+ " decisionIds(first: " + ID_PAGE + ", after: $decisionsAfter) @include(if: $decisions)"
			+ " { ids hasNextPage endCursor }" + " actionIds(first: " + ID_PAGE
			+ ", after: $actionsAfter) @include(if: $actions)" + " { ids hasNextPage endCursor } } }";

	private static final String ROLLBACK = "query($id: ID!, $from: DateTime, $after: String) {"
			+ " rollbackScope(id: $id, from: $from) {" + " actionIds(first: " + ID_PAGE
			+ ", after: $after) { ids hasNextPage endCursor } } }";

	private static final String ASSESS = "query($decision: DecisionInput!) { assess(decision: $decision) {"
			+ " route reasons { code } } }";

	private static final String INGEST = "mutation($batch: ProvenanceBatch!) { ingest(batch: $batch) {"
			+ " created unchanged edgesCreated } }";

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final URI endpoint;

	/**
	 * The service keeps recent answers while nothing is written, for paging. Each
	 * question here opens its window a nanosecond later than the one before (far before
	 * any generated decision, so the answer is the same): it is computed afresh, as the
	 * first ask after a write would be, while its own pages still share one computation.
	 */
	private final AtomicLong questions = new AtomicLong();

	private final String apiKey;

	ServiceEngine(URI endpoint, String apiKey) {
		this.endpoint = endpoint;
		this.apiKey = apiKey;
	}

	@Override
	public String name() {
		return "service";
	}

	@Override
	public List<String> lineage(String id, int depth) {
		List<String> ids = new ArrayList<>();
		post(LINEAGE, Map.of("id", id, "depth", depth)).path("lineage")
			.path("nodes")
			.forEach(node -> ids.add(node.path("id").asString()));
		return ids;
	}

	@Override
	public Counts blastRadiusCount(String id) {
		JsonNode radius = post(COUNT, Map.of("id", id, "from", freshWindow())).path("blastRadius");
		return new Counts(radius.path("decisionCount").asInt(), radius.path("actionCount").asInt());
	}

	/** Every id, a page of up to 100,000 of each list per request. */
	@Override
	public Answers blastRadius(String id) {
		List<String> decisions = new ArrayList<>();
		List<String> actions = new ArrayList<>();
		String decisionsAfter = null;
		String actionsAfter = null;
		boolean moreDecisions = true;
		boolean moreActions = true;
		String from = freshWindow();
		while (moreDecisions || moreActions) {
			Map<String, Object> variables = new HashMap<>();
			variables.put("id", id);
			variables.put("from", from);
			variables.put("decisionsAfter", decisionsAfter);
			variables.put("actionsAfter", actionsAfter);
			variables.put("decisions", moreDecisions);
			variables.put("actions", moreActions);
			JsonNode radius = post(IDS, variables).path("blastRadius");
			if (moreDecisions) {
				JsonNode page = radius.path("decisionIds");
				page.path("ids").forEach(node -> decisions.add(node.asString()));
				moreDecisions = page.path("hasNextPage").asBoolean();
				decisionsAfter = page.path("endCursor").asString(null);
			}
			if (moreActions) {
				JsonNode page = radius.path("actionIds");
				page.path("ids").forEach(node -> actions.add(node.asString()));
				moreActions = page.path("hasNextPage").asBoolean();
				actionsAfter = page.path("endCursor").asString(null);
			}
		}
		return new Answers(decisions, actions);
	}

	@Override
	public List<String> rollback(String id) {
		List<String> plan = new ArrayList<>();
		String after = null;
		boolean more = true;
		String from = freshWindow();
		while (more) {
			Map<String, Object> variables = new HashMap<>();
			variables.put("id", id);
			variables.put("from", from);
			variables.put("after", after);
			JsonNode page = post(ROLLBACK, variables).path("rollbackScope").path("actionIds");
			page.path("ids").forEach(node -> plan.add(node.asString()));
			more = page.path("hasNextPage").asBoolean();
			after = page.path("endCursor").asString(null);
		}
		return plan;
	}

	private String freshWindow() {
		return Instant.parse("2000-01-01T00:00:00Z").plusNanos(this.questions.incrementAndGet()).toString();
	}

	String assess(Map<String, Object> decision) {
		return post(ASSESS, Map.of("decision", decision)).path("assess").path("route").asString();
	}

	/**
	 * @return the records the batch created
	 */
	int ingest(Map<String, Object> batch) {
		return post(INGEST, Map.of("batch", batch)).path("ingest").path("created").asInt();
	}

	/** An empty GraphQL request: the HTTP and GraphQL stack's own cost, no database. */
	void emptyRequest() {
		if (!"Query".equals(post("{ __typename }", Map.of()).path("__typename").asString())) {
			throw new IllegalStateException("The service answered an empty request without its type name");
		}
	}

	/**
	 * Verifies the whole audit log and every record in the store against it, failing the
	 * run unless it holds.
	 * @return how many events were checked
	 */
	int verifyAuditLog() {
		JsonNode verification = post("{ verifyAuditLog { ok checked problem } }", Map.of()).path("verifyAuditLog");
		if (!verification.path("ok").asBoolean()) {
			throw new IllegalStateException(
					"The audit log does not verify after ingest: " + verification.path("problem").asString());
		}
		return verification.path("checked").asInt();
	}

	/** The answer's data; any error ends the benchmark, with the service's message. */
	private JsonNode post(String query, Map<String, Object> variables) {
		Map<String, Object> body = new HashMap<>();
		body.put("query", query);
		body.put("variables", variables);
		HttpRequest request = HttpRequest.newBuilder(this.endpoint)
			.timeout(Duration.ofMinutes(5))
			.header("Content-Type", "application/json")
			.header("X-API-Key", this.apiKey)
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(body)))
			.build();
		try {
			HttpResponse<byte[]> response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			JsonNode answer = this.json.readTree(response.body());
			if (response.statusCode() != 200 || answer.has("errors")) {
				throw new IllegalStateException("The service refused a benchmark request (HTTP " + response.statusCode()
						+ "): " + answer.path("errors"));
			}
			return answer.path("data");
		}
		catch (IOException ex) {
			throw new IllegalStateException("No answer from " + this.endpoint + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + this.endpoint, ex);
		}
	}

}

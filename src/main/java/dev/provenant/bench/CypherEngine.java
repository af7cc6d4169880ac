package dev.provenant.bench;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.provenant.graph.Utc;
import dev.provenant.store.CypherQueries;
import dev.provenant.store.GraphStore;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.driver.summary.Plan;

/**
 * The database baseline: each question as one raw Cypher query through the Bolt driver,
 * in one read transaction of the service's own {@link GraphStore} (the way the service
 * reaches Neo4j), with nothing around it. Counts are counted in Cypher, so that a count
 * row compares two integers; the closures are one pruning expand each, the way an expert
 * would write them, and the naive closure (a subquery per decision) is kept as a labelled
 * second baseline.
 */
final class CypherEngine implements Engine {

	/**
	 * The baselines that must plan one pruning expand each and no other variable-length
	 * expand.
	 */
	static final List<String> EXPERT_QUERIES = List.of("bench/blast_radius", "bench/blast_radius_count",
			"bench/rollback_actions");

	private static final String PRUNING_EXPAND = "VarLengthExpand(Pruning";

	private final Driver driver;

	private final GraphStore store;

	private final CypherQueries queries;

	CypherEngine(Driver driver, GraphStore store, CypherQueries queries) {
		this.driver = driver;
		this.store = store;
		this.queries = queries;
	}

	@Override
	public String name() {
		return "raw Cypher";
	}

	@Override
	public List<String> lineage(String id, int depth) {
		// Every node: the raw engine has no answer cap (the service's is far above the
		// benchmark's lineage answers).
		Map<String, Object> parameters = Map.of("id", id, "asOf", Utc.END_OF_TIME, "limit", Integer.MAX_VALUE);
		List<Record> rows = this.store
			.read(tx -> this.store.run(tx, "lineage/upstream", Map.of("depth", depth), parameters).list());
		List<String> ids = new ArrayList<>(rows.size());
		rows.forEach(row -> ids.add(row.get("node").get("id").asString()));
		return ids;
	}

	@Override
	public Answers blastRadius(String id) {
		return ids("bench/blast_radius", id);
	}

	/**
	 * The blast radius through the naive query: a correlated subquery per decision for
	 * its actions.
	 */
	Answers blastRadiusNaive(String id) {
		return ids("bench/blast_radius_naive", id);
	}

	private Answers ids(String query, String id) {
		List<Record> rows = read(query, Map.of("id", id));
		if (rows.isEmpty()) {
			return new Answers(List.of(), List.of());
		}
		Record row = rows.get(0);
		return new Answers(row.get("decisions").asList(Value::asString), row.get("actions").asList(Value::asString));
	}

	@Override
	public Counts blastRadiusCount(String id) {
		List<Record> rows = read("bench/blast_radius_count", Map.of("id", id));
		if (rows.isEmpty()) {
			return new Counts(0, 0);
		}
		return new Counts(rows.get(0).get("decisions").asInt(), rows.get(0).get("actions").asInt());
	}

	@Override
	public List<String> rollback(String id) {
		List<Record> rows = read("bench/rollback_actions", Map.of("id", id));
		int size = rows.size();
		long[] times = new long[size];
		String[] ids = new String[size];
		Map<String, Integer> positions = new HashMap<>(size * 2);
		for (int i = 0; i < size; i++) {
			ids[i] = rows.get(i).get("id").asString();
			OffsetDateTime at = rows.get(i).get("occurredAt").asOffsetDateTime();
			times[i] = at.toEpochSecond() * 1_000_000 + at.getNano() / 1000;
			positions.put(ids[i], i);
		}
		int[][] triggeredBy = new int[size][];
		for (int i = 0; i < size; i++) {
			triggeredBy[i] = rows.get(i)
				.get("triggeredBy")
				.asList(Value::asString)
				.stream()
				.filter(positions::containsKey)
				.mapToInt(positions::get)
				.toArray();
		}
		List<String> plan = new ArrayList<>(size);
		for (int i : KahnOrder.order(times, ids, triggeredBy)) {
			plan.add(ids[i]);
		}
		return plan;
	}

	/**
	 * The operators the planner chose for each baseline closure, for the report; fails
	 * the run unless each plans exactly one variable-length expand and it prunes.
	 */
	Map<String, List<String>> expertPlans() {
		Map<String, List<String>> plans = new LinkedHashMap<>();
		for (String query : EXPERT_QUERIES) {
			List<String> plan = plan(query);
			List<String> expands = plan.stream().filter(op -> op.startsWith("VarLengthExpand")).toList();
			if (expands.size() != 1 || !expands.get(0).startsWith(PRUNING_EXPAND)) {
				throw new IllegalStateException(
						"the raw Cypher query " + query + " does not plan a single pruning expand: " + plan);
			}
			plans.put(query, plan);
		}
		return plans;
	}

	private List<String> plan(String query) {
		try (Session session = this.driver.session()) {
			Plan plan = session.run("EXPLAIN " + this.queries.get(query), Map.of("id", "any")).consume().plan();
			List<String> operators = new ArrayList<>();
			collect(plan, operators);
			return operators;
		}
	}

	private static void collect(Plan plan, List<String> operators) {
		operators.add(plan.operatorType().replace("@neo4j", ""));
		plan.children().forEach(child -> collect(child, operators));
	}

	private List<Record> read(String name, Map<String, Object> parameters) {
		return this.store.read(tx -> this.store.run(tx, name, parameters).list());
	}

}

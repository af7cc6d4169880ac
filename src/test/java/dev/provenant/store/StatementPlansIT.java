package dev.provenant.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.provenant.support.GraphQlIT;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Values;
import org.neo4j.driver.summary.Plan;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A statement that finds nodes by id must seek the id index, never scan a label: the only
 * id index is the uniqueness constraint on {@code :Node}, so {@code (d:Decision {id:
 * $id})} scans every decision, which made ingest slow down as the graph grew. Only the
 * statements meant to read a whole label may scan one.
 */
class StatementPlansIT extends GraphQlIT {

	/**
	 * Statements that read every node of a label on purpose: exports, the index build,
	 * the audit log's pages (filtered by time), the quarantined nodes (few, and where the
	 * quarantine check starts), the operators' list of webhook deliveries (newest first,
	 * filtered), and the whole-store verification, which reads every record and looks for
	 * any it does not know (ADR 11).
	 */
	private static final Set<String> WHOLE_LABEL_READS = Set.of("backup/export_nodes", "backup/export_edges",
			"backup/export_audit_events", "backup/export_lineage_events", "backup/export_otlp_spans",
			"openlineage/events_page", "backup/store_counts", "dependency/all_nodes", "dependency/all_edges",
			"governance/quarantines", "governance/assessment_inputs", "audit/log_count", "audit/log_page",
			"webhooks/deliveries", "webhooks/deliveries_count", "audit/all_facts", "audit/foreign_records",
			"audit/node_facts_page");

	@Autowired
	private CypherQueries queries;

	@Test
	void noStatementScansALabelUnlessItReadsTheWholeLabel() {
		Map<String, List<String>> scans = new TreeMap<>();
		for (String name : this.queries.names()) {
			String statement = this.queries.get(name);
			if (statement.contains("{{depth}}")) {
				statement = this.queries.render(name, Map.of("depth", 5));
			}
			List<String> operators = new ArrayList<>();
			try (var session = this.driver.session()) {
				collect(session.run("EXPLAIN " + statement).consume().plan(), operators);
			}
			// The audit head is a single node: scanning its label reads one.
			List<String> found = operators.stream()
				.filter(op -> op.startsWith("NodeByLabelScan") || op.startsWith("AllNodesScan"))
				.filter(op -> !op.contains(":AuditHead"))
				.toList();
			if (!found.isEmpty() && !WHOLE_LABEL_READS.contains(name)) {
				scans.put(name, operators);
			}
		}
		assertThat(scans).isEmpty();
	}

	/** Each operator with its details, e.g. {@code NodeByLabelScan@neo4j h:AuditHead}. */
	private static void collect(Plan plan, List<String> operators) {
		operators.add(plan.operatorType() + " " + plan.arguments().getOrDefault("Details", Values.NULL).asString(""));
		plan.children().forEach(child -> collect(child, operators));
	}

}

package dev.provenant.load;

/**
 * The GraphQL documents the load sends. Connection fields ask small pages: the service
 * charges a connection its page size against the query complexity limit, and a load run
 * measures the service, not the size of its answers.
 */
final class Documents {

	static final String INGEST = """
			mutation ingest($batch: ProvenanceBatch!) {
			  ingest(batch: $batch) { created unchanged edgesCreated }
			}
			""";

	static final String LINEAGE = """
			query lineage($id: ID!, $depth: Int) {
			  lineage(id: $id, depth: $depth) {
			    root { id }
			    nodes { id kind }
			    edges { from to type }
			    truncated
			  }
			}
			""";

	static final String BLAST_RADIUS = """
			query blastRadius($id: ID!) {
			  blastRadius(id: $id) {
			    decisionCount
			    actionCount
			    affected { kind count }
			    decisions(first: 5) { totalCount edges { node { id occurredAt } } }
			  }
			}
			""";

	static final String ASSESS = """
			query assess($decision: DecisionInput!) {
			  assess(decision: $decision) {
			    route
			    reasons { code detail nodeId }
			    requiredRoles
			    reviewDeadline
			  }
			}
			""";

	static final String NODE = """
			query node($id: ID!) {
			  node(id: $id) {
			    id kind name recordedAt
			    ... on Decision {
			      occurredAt outcome confidence route reviewState
			      features { id } dataSources { id } modelVersion { id } policy { id }
			      actions { id status }
			    }
			  }
			}
			""";

	static final String ROLLBACK_SCOPE = """
			query rollbackScope($id: ID!) {
			  rollbackScope(id: $id) {
			    stepCount
			    steps(first: 10) { totalCount edges { node { position reversible action { id status } } } }
			  }
			}
			""";

	private Documents() {
	}

}

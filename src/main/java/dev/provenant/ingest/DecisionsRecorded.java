package dev.provenant.ingest;

import java.util.List;

import org.neo4j.driver.TransactionContext;

/**
 * Called inside an ingest's write transaction, after the batch's nodes and edges are
 * written, with the decisions it created. What a listener writes commits or rolls back
 * with the batch.
 */
public interface DecisionsRecorded {

	void recorded(TransactionContext tx, List<ProvenanceBatch.DecisionInput> decisions);

}

package dev.provenant.events;

import java.util.List;

import org.neo4j.driver.TransactionContext;

/**
 * Told of governance events inside the transaction that records them, so that what it
 * stores (a webhook's pending deliveries) commits or rolls back with the write itself.
 */
@FunctionalInterface
public interface EventsRecorded {

	void recorded(TransactionContext tx, List<GovernanceEvent> events);

}

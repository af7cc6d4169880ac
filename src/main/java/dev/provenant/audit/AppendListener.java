package dev.provenant.audit;

import java.util.List;

import org.neo4j.driver.Record;

/**
 * Told of each audit event as it is appended, inside the write's transaction (which may
 * still roll back: register work for after the commit with
 * {@link dev.provenant.store.GraphStore#afterCommit}).
 */
@FunctionalInterface
public interface AppendListener {

	/**
	 * @param event the event, with its sequence number
	 * @param touched one row per touched node as the write left it: {@code id},
	 * {@code properties} and every outgoing edge in {@code out} (see
	 * {@code cypher/queries/audit/node_facts.cypher})
	 */
	void appended(AuditEvent event, List<Record> touched);

}

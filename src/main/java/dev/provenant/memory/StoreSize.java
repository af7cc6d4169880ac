package dev.provenant.memory;

/**
 * How many provenance nodes and edges the store holds, for the {@link MemoryModel}; read
 * by the store package, which this one does not depend on.
 */
@FunctionalInterface
public interface StoreSize {

	Counts count();

	/**
	 * @param nodes provenance nodes
	 * @param edges edges between them
	 */
	record Counts(long nodes, long edges) {
	}

}

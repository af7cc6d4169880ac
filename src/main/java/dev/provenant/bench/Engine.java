package dev.provenant.bench;

import java.util.List;

/** One way of answering the benchmark's questions. */
interface Engine {

	String name();

	/**
	 * The ids of the nodes within {@code depth} hops upstream of the root, the root
	 * included.
	 */
	List<String> lineage(String id, int depth);

	/** The decisions and actions downstream of the root. */
	Answers blastRadius(String id);

	/** How many decisions and actions are downstream of the root. */
	Counts blastRadiusCount(String id);

	/** The action ids of the rollback plan, in order. */
	List<String> rollback(String id);

}

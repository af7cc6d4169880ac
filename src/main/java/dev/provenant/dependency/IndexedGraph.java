package dev.provenant.dependency;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

import dev.provenant.graph.EdgeType;
import dev.provenant.graph.NodeKind;
import dev.provenant.graph.ReviewState;

/**
 * A read-only view of the dependency index, valid only inside
 * {@link DependencyIndex#read}. Nodes are dense {@code int} numbers; edges point, as
 * stored, from the dependent to what it depends on.
 */
public interface IndexedGraph {

	int size();

	long edgeCount();

	/** The node's number, or -1 when the index does not hold it. */
	int find(String id);

	String id(int node);

	/** Orders two nodes' ids as {@link String#compareTo} does, without making strings. */
	default int compareIds(int a, int b) {
		return id(a).compareTo(id(b));
	}

	/**
	 * The id's length in UTF-8 bytes: never less than the bytes its string keeps per
	 * character, so weights estimated from it are not short.
	 */
	default int idLength(int node) {
		return id(node).getBytes(StandardCharsets.UTF_8).length;
	}

	/**
	 * The ids of the nodes numbered so far, for an answer to keep numbers instead of
	 * strings: valid outside {@link DependencyIndex#read}, as numbers never change id.
	 */
	default NodeIds ids() {
		return this::id;
	}

	NodeKind kind(int node);

	long occurredAtSecond(int node);

	int occurredAtNano(int node);

	/** Decisions and actions only; other kinds read the epoch. */
	default Instant occurredAt(int node) {
		return Instant.ofEpochSecond(occurredAtSecond(node), occurredAtNano(node));
	}

	/** A decision's review state; null for other kinds. */
	ReviewState reviewState(int node);

	boolean rolledBack(int node);

	boolean reversible(int node);

	/** The nodes this one points to over edges of the type. */
	int[] targets(int node, EdgeType type);

	/** How many nodes this one points to over edges of the type, without listing them. */
	default int targetCount(int node, EdgeType type) {
		return targets(node, type).length;
	}

	/**
	 * The seeds and every node that depends on them, directly or not, over edges of the
	 * given types (followed against their direction), each once.
	 */
	int[] reachAgainst(int[] seeds, Set<EdgeType> types);

	/**
	 * The seeds and everything they depend on, directly or not, over edges of the given
	 * types, each once.
	 */
	int[] reachAlong(int[] seeds, Set<EdgeType> types);

	/** An estimate of the heap the index holds, in bytes. */
	long approximateBytes();

}

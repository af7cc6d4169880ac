package dev.provenant.graph;

import java.util.Set;

/**
 * The stored relationship types. Every edge points from the dependent node to what it
 * depends on, so an owner is a kind that declares the edge (at ingest, or when an
 * OpenLineage event is mapped) and the targets are the kinds it may point to.
 */
public enum EdgeType {

	/**
	 * A feature computed from sources and features; a dataset written from its inputs.
	 */
	DERIVED_FROM(Set.of(NodeKind.FEATURE, NodeKind.DATA_SOURCE), Set.of(NodeKind.DATA_SOURCE, NodeKind.FEATURE)),
	TRAINED_ON(Set.of(NodeKind.MODEL_VERSION), Set.of(NodeKind.DATA_SOURCE)),
	USES_FEATURE(Set.of(NodeKind.MODEL_VERSION), Set.of(NodeKind.FEATURE)),
	USED(Set.of(NodeKind.DECISION), Set.of(NodeKind.FEATURE)),
	READ(Set.of(NodeKind.DECISION), Set.of(NodeKind.DATA_SOURCE)),
	MADE_BY(Set.of(NodeKind.DECISION), Set.of(NodeKind.MODEL_VERSION)),
	PROMPTED_BY(Set.of(NodeKind.DECISION), Set.of(NodeKind.PROMPT_VERSION)),
	GOVERNED_BY(Set.of(NodeKind.DECISION), Set.of(NodeKind.POLICY)),
	APPROVED_BY(Set.of(NodeKind.DECISION), Set.of(NodeKind.APPROVER)),
	EXECUTES(Set.of(NodeKind.ACTION), Set.of(NodeKind.DECISION)),
	TRIGGERED_BY(Set.of(NodeKind.ACTION), Set.of(NodeKind.ACTION)),
	/** A policy version names the version it replaces. */
	SUPERSEDES(Set.of(NodeKind.POLICY), Set.of(NodeKind.POLICY)),
	/** A run read a dataset (OpenLineage input). */
	CONSUMED(Set.of(NodeKind.RUN), Set.of(NodeKind.DATA_SOURCE)),
	/** A dataset was written by a run (OpenLineage output). */
	GENERATED_BY(Set.of(NodeKind.DATA_SOURCE), Set.of(NodeKind.RUN)),
	/** A run is a run of its job. */
	RUN_OF(Set.of(NodeKind.RUN), Set.of(NodeKind.JOB)),
	/**
	 * A run is part of its parent run (OpenLineage parent facet, or the agent that
	 * invoked an agent); a decision is part of the agent run it was made in
	 * (OpenTelemetry).
	 */
	PART_OF(Set.of(NodeKind.RUN, NodeKind.DECISION), Set.of(NodeKind.RUN));

	private final Set<NodeKind> owners;

	private final Set<NodeKind> targets;

	EdgeType(Set<NodeKind> owners, Set<NodeKind> targets) {
		this.owners = owners;
		this.targets = targets;
	}

	public boolean isOwnedBy(NodeKind kind) {
		return this.owners.contains(kind);
	}

	public boolean canPointTo(NodeKind kind) {
		return this.targets.contains(kind);
	}

	public Set<NodeKind> targets() {
		return this.targets;
	}

	/** The edge type of that name, or {@code null} if there is none. */
	public static EdgeType named(String name) {
		for (EdgeType type : values()) {
			if (type.name().equals(name)) {
				return type;
			}
		}
		return null;
	}

}

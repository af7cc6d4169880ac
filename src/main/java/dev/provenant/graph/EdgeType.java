package dev.provenant.graph;

import java.util.Set;

/**
 * The stored relationship types. Every edge points from the dependent node to what it
 * depends on, so the owner is the kind that declares the edge at ingest and the targets
 * are the kinds it may point to.
 */
public enum EdgeType {

	DERIVED_FROM(NodeKind.FEATURE, Set.of(NodeKind.DATA_SOURCE, NodeKind.FEATURE)),
	TRAINED_ON(NodeKind.MODEL_VERSION, Set.of(NodeKind.DATA_SOURCE)),
	USES_FEATURE(NodeKind.MODEL_VERSION, Set.of(NodeKind.FEATURE)), USED(NodeKind.DECISION, Set.of(NodeKind.FEATURE)),
	READ(NodeKind.DECISION, Set.of(NodeKind.DATA_SOURCE)), MADE_BY(NodeKind.DECISION, Set.of(NodeKind.MODEL_VERSION)),
	PROMPTED_BY(NodeKind.DECISION, Set.of(NodeKind.PROMPT_VERSION)),
	GOVERNED_BY(NodeKind.DECISION, Set.of(NodeKind.POLICY)), APPROVED_BY(NodeKind.DECISION, Set.of(NodeKind.APPROVER)),
	EXECUTES(NodeKind.ACTION, Set.of(NodeKind.DECISION)), TRIGGERED_BY(NodeKind.ACTION, Set.of(NodeKind.ACTION)),
	/** A policy version names the version it replaces. */
	SUPERSEDES(NodeKind.POLICY, Set.of(NodeKind.POLICY));

	private final NodeKind owner;

	private final Set<NodeKind> targets;

	EdgeType(NodeKind owner, Set<NodeKind> targets) {
		this.owner = owner;
		this.targets = targets;
	}

	public NodeKind owner() {
		return this.owner;
	}

	public boolean canPointTo(NodeKind kind) {
		return this.targets.contains(kind);
	}

	public Set<NodeKind> targets() {
		return this.targets;
	}

}

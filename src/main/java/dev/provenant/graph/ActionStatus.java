package dev.provenant.graph;

/** The only mutable fact about an action: whether it still stands. */
public enum ActionStatus {

	EXECUTED, ROLLED_BACK

}

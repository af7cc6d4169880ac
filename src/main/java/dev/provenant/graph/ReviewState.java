package dev.provenant.graph;

/** Where a decision's human review stands. Autonomous decisions need none. */
public enum ReviewState {

	NOT_REQUIRED, PENDING, APPROVED, REJECTED

}

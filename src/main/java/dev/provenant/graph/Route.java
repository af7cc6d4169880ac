package dev.provenant.graph;

/** How a decision went out: on its own, or after a human looked at it. */
public enum Route {

	AUTONOMOUS, HUMAN_REVIEW

}

package dev.provenant.graph;

/**
 * UPSTREAM follows edges forward (towards what a node depends on); DOWNSTREAM follows
 * them backward.
 */
public enum Direction {

	UPSTREAM, DOWNSTREAM

}

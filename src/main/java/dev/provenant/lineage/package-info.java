/**
 * Lineage: what a node depends on (upstream) or what depends on it (downstream), within a
 * number of hops, with each node's hop distance and whether the answer was cut at the
 * depth asked for or at the node limit.
 */
package dev.provenant.lineage;

/**
 * Storage foundations: the embedded Neo4j lifecycle, schema migrations, the named Cypher
 * queries loaded from {@code cypher/queries}, and transactional access through the Bolt
 * driver. Knows no feature.
 */
package dev.provenant.store;

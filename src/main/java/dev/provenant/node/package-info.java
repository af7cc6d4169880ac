/**
 * Reading nodes: the {@code node} query, the typed edge fields of each node type (batched
 * through data loaders, one query per request level), and lookups by id that other
 * features share.
 */
package dev.provenant.node;

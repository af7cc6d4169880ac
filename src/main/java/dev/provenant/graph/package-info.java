/**
 * The provenance graph model: node kinds, edge types, which edge joins which kinds, and
 * one record per kind. Foundations only: this package knows no feature and no storage.
 */
package dev.provenant.graph;

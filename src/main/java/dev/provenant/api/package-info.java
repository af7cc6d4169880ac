/**
 * Cross-cutting GraphQL wiring: scalars, errors and their classifications, and Relay
 * pagination. Features throw {@link dev.provenant.api.ProvenantException}s; this package
 * turns them into GraphQL errors.
 */
package dev.provenant.api;

/**
 * W3C PROV export: a lineage as a PROV-JSON document, optionally signed with the
 * service's Ed25519 key, whose public half is served as a JWK set.
 */
package dev.provenant.prov;

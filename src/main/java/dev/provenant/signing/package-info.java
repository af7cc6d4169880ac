/**
 * The service's Ed25519 key: signs PROV exports and the audit log's checkpoints, and
 * publishes its public half at {@code /.well-known/jwks.json}.
 */
package dev.provenant.signing;

package dev.provenant.audit;

import java.time.OffsetDateTime;

/**
 * The audit log's head at one moment, signed by the service: keep it outside Provenant
 * and any later verification can prove the log still extends it.
 *
 * @param sequence the last event's sequence
 * @param hash the last event's hash
 * @param stateDigest SHA-256 of the whole store's state digest after that event (ADR 11)
 * @param at when that event was appended
 * @param signature a compact JWS (EdDSA) by the key published at
 * {@code /.well-known/jwks.json}, whose payload is the canonical JSON of the four fields
 * above
 */
public record Checkpoint(long sequence, String hash, String stateDigest, OffsetDateTime at, String signature) {
}

/**
 * Outgoing webhooks: governance events delivered to configured endpoints, signed with
 * HMAC-SHA256 (Standard Webhooks headers), retried with backoff and recorded as delivered
 * or failed.
 */
package dev.provenant.webhooks;

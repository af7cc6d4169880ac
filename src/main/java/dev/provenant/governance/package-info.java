/**
 * Escalation and governance: assessing a proposed decision against its policy and the
 * graph before an agent acts, flagging policy violations at ingest, the review queue and
 * reviews, and quarantine of suspect inputs.
 */
package dev.provenant.governance;

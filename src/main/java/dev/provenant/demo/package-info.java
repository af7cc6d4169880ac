/**
 * The demo switch ({@code provenant.demo=true}): seeds a credit-risk agent and a
 * support-triage agent with their data, features, model and prompt versions, decisions,
 * approvals and cascading actions, through the normal ingest.
 */
package dev.provenant.demo;

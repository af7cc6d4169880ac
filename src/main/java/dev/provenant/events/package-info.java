/**
 * Governance events for the people who must act: escalations, overdue reviews, verdicts,
 * quarantines and policy violations, recorded with the write that caused them and
 * published once it commits, to GraphQL subscriptions and to outboxes such as webhooks.
 */
package dev.provenant.events;

// A pending review is announced overdue once, whatever the number of instances and restarts.
CREATE CONSTRAINT overdue_notice_decision_unique IF NOT EXISTS FOR (n:OverdueNotice) REQUIRE n.decisionId IS UNIQUE;
// The overdue check seeks pending reviews by deadline.
CREATE RANGE INDEX decision_review_due IF NOT EXISTS FOR (d:Decision) ON (d.reviewState, d.reviewDeadline);
// Webhook deliveries: one per event and endpoint, found by id and by the time of their next attempt.
CREATE CONSTRAINT webhook_delivery_id_unique IF NOT EXISTS FOR (w:WebhookDelivery) REQUIRE w.id IS UNIQUE;
CREATE RANGE INDEX webhook_delivery_due IF NOT EXISTS FOR (w:WebhookDelivery) ON (w.state, w.nextAttemptAt);
// Settled deliveries are forgotten by age.
CREATE RANGE INDEX webhook_delivery_created IF NOT EXISTS FOR (w:WebhookDelivery) ON (w.createdAt);

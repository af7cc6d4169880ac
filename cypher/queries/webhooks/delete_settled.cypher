// Settled (delivered or failed) deliveries created before $before, at most $limit of them: the record is kept for
// provenant.webhooks.retention, not for ever.
MATCH (w:WebhookDelivery)
WHERE w.createdAt < $before AND w.state IN ['DELIVERED', 'FAILED']
WITH w
LIMIT $limit
DELETE w
RETURN count(*) AS deleted

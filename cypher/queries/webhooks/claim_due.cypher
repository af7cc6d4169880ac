// Deliveries due for an attempt, oldest first; each is leased (its next attempt pushed past the attempt's timeout)
// so that another poll, here or on another instance, does not send it at the same time. A crash mid-attempt leaves
// the lease to expire, and the delivery is tried again.
MATCH (w:WebhookDelivery)
WHERE w.state = 'PENDING' AND w.nextAttemptAt <= $now
WITH w
ORDER BY w.nextAttemptAt, w.id
LIMIT $limit
SET w.nextAttemptAt = $leaseUntil
RETURN w.id AS id, w.endpoint AS endpoint, w.eventId AS eventId, w.eventType AS eventType, w.payload AS payload,
       w.attempts AS attempts

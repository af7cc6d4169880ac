// Hands back deliveries a poll leased but did not send (they did not fit the bytes allowed in flight): due again
// at once, for the next poll.
UNWIND $ids AS id
MATCH (w:WebhookDelivery {id: id})
WHERE w.state = 'PENDING'
SET w.nextAttemptAt = $now

// Sends a delivery again from now, with a fresh set of attempts.
MATCH (w:WebhookDelivery {id: $id})
SET w.state = 'PENDING', w.attempts = 0, w.nextAttemptAt = $now
RETURN w

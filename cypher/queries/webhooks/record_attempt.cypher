// The outcome of one attempt: DELIVERED, FAILED (attempts exhausted) or PENDING again at $nextAttemptAt.
MATCH (w:WebhookDelivery {id: $id})
SET w.attempts = w.attempts + 1,
    w.lastAttemptAt = $at,
    w.lastStatus = $status,
    w.lastError = $error,
    w.state = $state,
    w.nextAttemptAt = $nextAttemptAt,
    w.deliveredAt = CASE WHEN $state = 'DELIVERED' THEN $at ELSE w.deliveredAt END

// One page of webhook deliveries, newest first.
MATCH (w:WebhookDelivery)
WHERE ($endpoint IS NULL OR w.endpoint = $endpoint) AND ($state IS NULL OR w.state = $state)
RETURN w
ORDER BY w.createdAt DESC, w.id
SKIP $skip LIMIT $limit

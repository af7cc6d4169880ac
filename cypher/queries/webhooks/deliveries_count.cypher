// How many webhook deliveries webhooks/deliveries pages through.
MATCH (w:WebhookDelivery)
WHERE ($endpoint IS NULL OR w.endpoint = $endpoint) AND ($state IS NULL OR w.state = $state)
RETURN count(w) AS total

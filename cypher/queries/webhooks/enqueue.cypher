// One pending delivery per event and endpoint; an event announced again is not sent twice.
UNWIND $rows AS row
MERGE (w:WebhookDelivery {id: row.id})
  ON CREATE SET w += row, w.state = 'PENDING', w.attempts = 0

// Pending reviews announced as overdue at ingest (recorded after their deadline): the periodic check skips them.
UNWIND $ids AS id
MERGE (n:OverdueNotice {decisionId: id})
  ON CREATE SET n.at = $at

// Pending reviews whose deadline passed in ($since, $now] and that were not announced yet: marks each once and
// returns it. Two instances checking at once both MERGE; only the one whose token created the notice announces it
// (mine), the other still counts the row to know whether more are left.
MATCH (d:Decision)
WHERE d.reviewState = 'PENDING' AND d.reviewDeadline > $since AND d.reviewDeadline <= $now
  AND NOT EXISTS { MATCH (:OverdueNotice {decisionId: d.id}) }
WITH d
ORDER BY d.reviewDeadline, d.id
LIMIT $limit
MERGE (n:OverdueNotice {decisionId: d.id})
  ON CREATE SET n.at = $now, n.token = $token
RETURN d, n.token = $token AS mine

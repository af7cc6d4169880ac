// What the governance gauges show: pending reviews, those past their deadline, and nodes under quarantine now.
CALL () {
  MATCH (d:Decision)
  WHERE d.reviewState = 'PENDING'
  RETURN count(d) AS pending, count(CASE WHEN d.reviewDeadline < $now THEN 1 END) AS overdue
}
CALL () {
  MATCH (n:Quarantined)
  RETURN count(n) AS quarantined
}
RETURN pending, overdue, quarantined

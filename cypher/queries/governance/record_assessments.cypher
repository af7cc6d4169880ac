// Stores what governance found when decisions were recorded. Not part of the recorded facts (nor their digest):
// the review state moves on as reviews come in.
UNWIND $rows AS row
// Seeks by id on :Node, whose uniqueness constraint backs the only id index; a kind label alone would scan.
MATCH (d:Node {id: row.id})
WHERE d:Decision
SET d.reviewState = row.reviewState,
    d.reviewDeadline = row.reviewDeadline,
    d.requiredRoles = row.requiredRoles,
    d.escalationReasons = row.reasons,
    d.policyViolation = row.violation

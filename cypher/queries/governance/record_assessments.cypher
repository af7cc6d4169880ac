// Stores what governance found when decisions were recorded. Not part of the recorded facts (nor their digest):
// the review state moves on as reviews come in.
UNWIND $rows AS row
MATCH (d:Decision {id: row.id})
SET d.reviewState = row.reviewState,
    d.reviewDeadline = row.reviewDeadline,
    d.requiredRoles = row.requiredRoles,
    d.escalationReasons = row.reasons,
    d.policyViolation = row.violation

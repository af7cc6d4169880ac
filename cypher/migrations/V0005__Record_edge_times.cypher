// Point-in-time answers follow only the edges recorded by then, so every provenance edge carries recordedAt: the
// time its owner was ingested, or for a review's approver edge the time of the review.
MATCH (owner:Node)-[r]->(:Node)
WHERE r.recordedAt IS NULL
SET r.recordedAt = coalesce(r.at, owner.recordedAt);

// Decision statistics per time bucket (UTC hour or day) and, optionally, per model version, prompt version or
// policy, aggregated in the database. Decisions count by their occurredAt, in [$from, $to).
MATCH (d:Decision)
WHERE d.occurredAt >= $from AND d.occurredAt < $to
WITH d, datetime.truncate($unit, d.occurredAt) AS bucketStart,
     CASE $groupBy
       WHEN 'MODEL_VERSION' THEN head([(d)-[:MADE_BY]->(m) | m.id])
       WHEN 'PROMPT_VERSION' THEN head([(d)-[:PROMPTED_BY]->(p) | p.id])
       WHEN 'POLICY' THEN head([(d)-[:GOVERNED_BY]->(p) | p.id])
     END AS grp
RETURN bucketStart, grp,
       count(d) AS decisions,
       sum(CASE WHEN d.route = 'HUMAN_REVIEW' THEN 1 ELSE 0 END) AS humanReview,
       sum(CASE WHEN d.reviewState = 'APPROVED' THEN 1 ELSE 0 END) AS approved,
       sum(CASE WHEN d.reviewState = 'REJECTED' THEN 1 ELSE 0 END) AS rejected,
       sum(CASE WHEN d.reviewState = 'PENDING' AND d.reviewDeadline < $now THEN 1 ELSE 0 END) AS overdueReviews,
       sum(CASE WHEN d.policyViolation THEN 1 ELSE 0 END) AS violations,
       sum(size([(d)<-[:EXECUTES]-(a:Action) WHERE a.status = 'ROLLED_BACK' | a])) AS rolledBackActions,
       count(d.confidence) AS confidenceCount,
       avg(d.confidence) AS confidenceMean,
       percentileCont(d.confidence, 0.1) AS confidenceP10,
       percentileCont(d.confidence, 0.5) AS confidenceP50,
       percentileCont(d.confidence, 0.9) AS confidenceP90,
       count(d.dataQuality) AS dataQualityCount,
       avg(d.dataQuality) AS dataQualityMean,
       percentileCont(d.dataQuality, 0.1) AS dataQualityP10,
       percentileCont(d.dataQuality, 0.5) AS dataQualityP50,
       percentileCont(d.dataQuality, 0.9) AS dataQualityP90
ORDER BY bucketStart, grp

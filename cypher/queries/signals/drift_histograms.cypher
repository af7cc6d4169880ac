// Histograms of the decisions made with a model or prompt version in two windows ([from, to) each): counts per
// window, outcome and confidence bin (ten equal bins over [0, 1], the last one including 1.0; null when the decision
// gives no confidence). Aggregated in the database: a few rows whatever the number of decisions.
MATCH (:Node {id: $id})<-[:MADE_BY|PROMPTED_BY]-(d:Decision)
UNWIND [w IN [
    CASE WHEN d.occurredAt >= $baselineFrom AND d.occurredAt < $baselineTo THEN 'baseline' END,
    CASE WHEN d.occurredAt >= $currentFrom AND d.occurredAt < $currentTo THEN 'current' END]
  WHERE w IS NOT NULL] AS window
WITH window, d.outcome AS outcome,
     CASE WHEN d.confidence IS NULL THEN null
          WHEN d.confidence >= 1.0 THEN 9
          ELSE toInteger(floor(d.confidence * 10)) END AS bin
RETURN window, outcome, bin, count(*) AS n

// Shared buckets that have refilled and sat untouched for a while: an instance that needs one again starts it full,
// which is what it holds.
MATCH (b:RateLimitBucket)
WHERE b.at < timestamp() - $untouchedMillis
  AND b.tokens + (timestamp() - b.at) * b.perMillisecond >= b.capacity
WITH b
LIMIT $limit
DELETE b
RETURN count(*) AS forgotten

// The shared buckets of one kind that have not refilled since they were last drawn on, as they stand now, emptiest
// first: an instance brings its own to these.
MATCH (b:RateLimitBucket)
WHERE b.name = $name
WITH b, b.tokens + (timestamp() - b.at) * b.perMillisecond AS tokens
WHERE tokens < b.capacity
RETURN b.key AS key, tokens
ORDER BY tokens
LIMIT $limit

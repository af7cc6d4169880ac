// Takes from each shared bucket of one kind what one instance took from it since it last settled, after refilling
// it to now at its rate; a bucket met for the first time starts full. Tokens may go below zero: a debt every
// instance waits out. Times are the database's, so the instances' clocks do not matter.
UNWIND $taken AS t
MERGE (b:RateLimitBucket {id: $name + ' ' + t.key})
  ON CREATE SET b.name = $name, b.key = t.key, b.tokens = toFloat($capacity), b.at = timestamp()
WITH b, t, b.tokens + (timestamp() - b.at) * $perMillisecond AS refilled
SET b.tokens = CASE WHEN refilled > $capacity THEN toFloat($capacity) ELSE refilled END - t.taken,
    b.at = timestamp(),
    b.capacity = $capacity,
    b.perMillisecond = $perMillisecond

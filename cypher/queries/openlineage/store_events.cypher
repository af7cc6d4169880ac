// Keeps each new event as received (its JSON text, unchanged), so that a better mapping can be replayed over it.
UNWIND $events AS event
CREATE (e:LineageEvent)
SET e = event

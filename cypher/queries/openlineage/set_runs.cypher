// A run's state, times and latest facets after its new events (folded in event-time order by the service).
UNWIND $runs AS run
MATCH (n:Node {id: run.id})
WHERE n:Run
SET n += run.properties

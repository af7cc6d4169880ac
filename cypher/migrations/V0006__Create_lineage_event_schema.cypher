// OpenLineage events are kept as received, one node per distinct event; the digest recognises a replay.
CREATE CONSTRAINT lineage_event_sha256_unique IF NOT EXISTS FOR (e:LineageEvent) REQUIRE e.sha256 IS UNIQUE;

// Every node carries the common label Node and a client-chosen id unique across all kinds.
// The constraint also backs the index every lookup by id seeks on.
CREATE CONSTRAINT node_id_unique IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;

// Time windows on blast radius and rollback scope filter decisions by occurredAt.
CREATE RANGE INDEX decision_occurred_at IF NOT EXISTS FOR (d:Decision) ON (d.occurredAt);
CREATE RANGE INDEX action_occurred_at IF NOT EXISTS FOR (a:Action) ON (a.occurredAt);

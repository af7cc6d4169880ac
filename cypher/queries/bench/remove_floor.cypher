// Removes what the write floor created (ids starting with $prefix) before the service ingests, in chunks so that no
// transaction holds all of it. Run in an auto-commit transaction.
MATCH (n:Node)
WHERE n.id STARTS WITH $prefix
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 5000 ROWS

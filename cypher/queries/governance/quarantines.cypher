// Nodes under quarantine now, or ever, with their history.
MATCH (n:EverQuarantined)
WHERE NOT $activeOnly OR n:Quarantined
RETURN n, n.quarantineHistory AS history
ORDER BY n.id

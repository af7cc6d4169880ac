// For each decision, the quarantined nodes among its inputs and everything upstream of them (features' sources,
// models' training data and features). Quarantined nodes carry the label Quarantined while the quarantine lasts.
UNWIND $decisions AS decision
UNWIND decision.inputs AS inputId
MATCH (input:Node {id: inputId})
CALL (input) {
  MATCH (input)-[:DERIVED_FROM|TRAINED_ON|USES_FEATURE*0..]->(upstream:Node)
  WITH DISTINCT upstream
  WHERE upstream:Quarantined
  RETURN upstream
}
RETURN decision.id AS id, collect(DISTINCT upstream.id) AS quarantined

// Every node with a quarantined node among itself and what it is derived from (features' sources, models' training
// data and features), paired with that quarantined node. Quarantined nodes carry the label Quarantined while the
// quarantine lasts. Walking down from the few quarantined nodes, once per batch, costs nothing when none is, and
// replaces a walk up from every input of every decision; decisions' inputs are matched against the pairs in Java.
MATCH (quarantined:Quarantined)
CALL (quarantined) {
  MATCH (quarantined)<-[:DERIVED_FROM|TRAINED_ON|USES_FEATURE|CONSUMED|GENERATED_BY*0..]-(tainted:Node)
  WITH DISTINCT tainted
  RETURN tainted
}
RETURN tainted.id AS id, collect(quarantined.id) AS quarantined

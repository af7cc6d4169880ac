// What governance reads to assess decisions, in one round trip (a small write is a few of them): the nodes under
// $ids (the policies and approvers the decisions name), one row each with `node` set; and, when $quarantine, every
// node with a quarantined node among itself and what it is derived from (features' sources, models' training data
// and features), one row each with `id` and `quarantined` set. Quarantined nodes carry the label Quarantined while
// the quarantine lasts. Walking down from the few quarantined nodes costs nothing when none is, and replaces a walk
// up from every input of every decision; decisions' inputs are matched against the pairs in Java.
UNWIND $ids AS wanted
MATCH (n:Node {id: wanted})
RETURN n AS node, null AS id, null AS quarantined
UNION ALL
MATCH (quarantined:Quarantined)
WHERE $quarantine
CALL (quarantined) {
  MATCH (quarantined)<-[:DERIVED_FROM|TRAINED_ON|USES_FEATURE|CONSUMED|GENERATED_BY*0..]-(tainted:Node)
  WITH DISTINCT tainted
  RETURN tainted
}
RETURN null AS node, tainted.id AS id, collect(quarantined.id) AS quarantined

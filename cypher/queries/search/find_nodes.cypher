// Nodes matching a user's text, best first: the node whose id is the text, then ids starting with it (range seek
// on the id index), then the full-text index's hits on names and ids by score. $query is the text as a Lucene
// query (null when the text has no word to look for); $kinds null means every kind.
// The full-text index is eventually consistent (V0012) and reopened on a clock (ADR 11): the wait applies what
// committed writes left pending and reopens the index, so a search sees everything written before it.
CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
CALL {
  MATCH (n:Node {id: $text})
  WHERE $kinds IS NULL OR n.kind IN $kinds
  RETURN n AS node, 0 AS rank, 0.0 AS score
  UNION ALL
  MATCH (n:Node)
  WHERE n.id STARTS WITH $text AND n.id <> $text AND ($kinds IS NULL OR n.kind IN $kinds)
  RETURN n AS node, 1 AS rank, 0.0 AS score
  ORDER BY n.id
  LIMIT $first
  UNION ALL
  UNWIND CASE WHEN $query IS NULL THEN [] ELSE [$query] END AS query
  CALL db.index.fulltext.queryNodes('node_name_search', query) YIELD node, score
  WITH node, score
  WHERE $kinds IS NULL OR node.kind IN $kinds
  RETURN node, 2 AS rank, score
  ORDER BY score DESC
  LIMIT $first
}
WITH node, min(rank) AS rank, max(score) AS score
RETURN node, rank
ORDER BY rank, score DESC, node.id
LIMIT $first

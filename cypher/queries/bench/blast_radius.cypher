// The benchmark's database baseline for the blast radius: the decisions and actions downstream of the root as one raw
// Cypher query, with no point-in-time predicates, no windows and no result objects beyond ids.
// One breadth-first expand over the edges towards decisions and the edges towards actions together: no edge towards
// decisions ends at a decision or an action, and actions own none (graph.EdgeType), so every path from the root runs
// through upstream nodes to decisions, then from a decision to its actions and on to those they triggered. The
// expand therefore reaches exactly the service's two steps (decisions, then their actions; an action root reaches
// itself and what it triggered). DISTINCT on the end node lets the planner prune (VarLengthExpand(Pruning,BFS)),
// finding each node once instead of enumerating paths.
MATCH (root:Node {id: $id})
MATCH (root)<-[:DERIVED_FROM|TRAINED_ON|USES_FEATURE|USED|READ|MADE_BY|PROMPTED_BY|GOVERNED_BY|APPROVED_BY|CONSUMED|GENERATED_BY|RUN_OF|PART_OF|EXECUTES|TRIGGERED_BY*0..]-(n:Decision|Action)
WITH DISTINCT n
RETURN collect(CASE WHEN n:Decision THEN n.id END) AS decisions,
       collect(CASE WHEN n:Action THEN n.id END) AS actions

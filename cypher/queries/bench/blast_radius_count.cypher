// The benchmark's database baseline for the blast radius count: how many decisions and actions are downstream of the
// root, counted in the database. The same single pruning expand as bench/blast_radius.cypher (which says why it
// reaches exactly the service's answer); only two integers leave the database.
MATCH (root:Node {id: $id})
MATCH (root)<-[:DERIVED_FROM|TRAINED_ON|USES_FEATURE|USED|READ|MADE_BY|PROMPTED_BY|GOVERNED_BY|APPROVED_BY|CONSUMED|GENERATED_BY|RUN_OF|PART_OF|EXECUTES|TRIGGERED_BY*0..]-(n:Decision|Action)
RETURN count(DISTINCT CASE WHEN n:Decision THEN n END) AS decisions,
       count(DISTINCT CASE WHEN n:Action THEN n END) AS actions

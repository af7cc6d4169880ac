// What the store holds that is neither provenance, nor the log, nor listed as outside the proof (ADR 11): nodes
// with none of the known labels, and relationships from anything but a provenance node other than the log's own.
CALL () {
  MATCH (n)
  WHERE NOT (n:Node OR n:LineageEvent OR n:OtlpSpan OR n:AuditEvent OR n:AuditHead OR n:WebhookDelivery OR n:OverdueNotice
             OR n:GovernanceEventEntry OR n:EventLogHead
             OR n:RateLimitBucket OR n:__Neo4jMigration OR n:__Neo4jMigrationsLock)
  RETURN 'node ' + elementId(n) + ' labelled ' + coalesce(reduce(s = '', l IN labels(n) | s + ':' + l), '')
         AS foreign
  LIMIT 1
  UNION
  MATCH (a)-[r]->(b)
  WHERE NOT (a:Node OR a:LineageEvent OR a:OtlpSpan)
    AND NOT (a:AuditEvent AND type(r) = 'AUDITED' AND b:Node)
    AND NOT (a:__Neo4jMigration AND b:__Neo4jMigration)
  RETURN 'relationship :' + type(r) + ' from ' + coalesce(a.id, elementId(a)) AS foreign
  LIMIT 1
}
RETURN foreign
LIMIT 1

// What a store holds, to tell an empty one (which an import may fill) from one in use.
CALL () { MATCH (n:Node) RETURN count(n) AS nodes }
CALL () { MATCH (e:AuditEvent) RETURN count(e) AS auditEvents }
MATCH (h:AuditHead {name: 'head'})
RETURN nodes, auditEvents, h.sequence AS headSequence

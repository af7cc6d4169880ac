// The head of the chain.
MATCH (h:AuditHead {name: 'head'})
RETURN h.sequence AS sequence, h.hash AS hash

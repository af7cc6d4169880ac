// The head of the chain, with the state digest and the signature over both.
MATCH (h:AuditHead {name: 'head'})
RETURN h.sequence AS sequence, h.hash AS hash, h.state AS state, h.stateDigest AS stateDigest, h.at AS at,
       h.signature AS signature

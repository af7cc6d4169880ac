// Gives a restored head the state digest of the restored store and this service's signature.
MATCH (h:AuditHead {name: 'head'})
SET h.state = $state, h.stateDigest = $stateDigest, h.at = $at, h.signature = $signature

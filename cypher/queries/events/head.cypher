// The event log's last sequence handed out; 0 for an empty log.
OPTIONAL MATCH (h:EventLogHead {id: 'events'})
RETURN coalesce(h.sequence, 0) AS sequence

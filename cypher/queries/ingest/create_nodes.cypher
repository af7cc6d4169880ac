// Creates the batch's new nodes: the common label Node plus the kind's own label.
UNWIND $nodes AS node
CREATE (n:Node:$(node.label))
SET n = node.properties

// Takes the decision's write lock before its review state is read, so two reviewers racing on one decision are
// serialised: the second sees the first one's verdict and gets a conflict. The lock lasts until the transaction ends.
// Seeks by id on :Node, whose uniqueness constraint backs the only id index; a kind label alone would scan.
MATCH (d:Node {id: $id})
WHERE d:Decision
SET d.reviewLock = true
REMOVE d.reviewLock
RETURN d

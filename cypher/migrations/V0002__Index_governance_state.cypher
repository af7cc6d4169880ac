// The review queue and the policy-violation list select decisions by these properties.
CREATE RANGE INDEX decision_review_state IF NOT EXISTS FOR (d:Decision) ON (d.reviewState);
CREATE RANGE INDEX decision_policy_violation IF NOT EXISTS FOR (d:Decision) ON (d.policyViolation);

// Rate-limit buckets every instance shares: one per kind of limit and key (a principal, a client address).
CREATE CONSTRAINT rate_limit_bucket_id_unique IF NOT EXISTS FOR (b:RateLimitBucket) REQUIRE b.id IS UNIQUE;
CREATE RANGE INDEX rate_limit_bucket_name IF NOT EXISTS FOR (b:RateLimitBucket) ON (b.name);
CREATE RANGE INDEX rate_limit_bucket_at IF NOT EXISTS FOR (b:RateLimitBucket) ON (b.at);

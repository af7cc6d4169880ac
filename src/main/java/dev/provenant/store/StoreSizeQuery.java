package dev.provenant.store;

import java.util.Map;

import dev.provenant.memory.StoreSize;
import org.neo4j.driver.Record;

import org.springframework.stereotype.Component;

/** The store's size from Neo4j's count store: constant time, whatever the size. */
@Component
class StoreSizeQuery implements StoreSize {

	private final GraphStore store;

	StoreSizeQuery(GraphStore store) {
		this.store = store;
	}

	@Override
	public Counts count() {
		Record size = this.store.read(tx -> this.store.run(tx, "memory/store_size", Map.of()).single());
		return new Counts(size.get("nodes").asLong(), size.get("edges").asLong());
	}

}

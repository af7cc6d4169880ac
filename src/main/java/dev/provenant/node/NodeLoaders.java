package dev.provenant.node;

import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import reactor.core.publisher.Mono;

/**
 * Data loaders behind the typed edge fields: all the nodes of one response level that ask
 * for their neighbours are answered by a single query, whatever the number of nodes or of
 * edge fields asked.
 */
@Configuration(proxyBeanMethods = false)
class NodeLoaders {

	NodeLoaders(BatchLoaderRegistry registry, NodeReader reader) {
		registry.forTypePair(NodeAt.class, OutgoingEdges.class)
			.registerMappedBatchLoader((refs, env) -> Mono.fromCallable(() -> reader.outgoing(refs)));
		registry.forTypePair(NodeAt.class, IncomingEdges.class)
			.registerMappedBatchLoader((refs, env) -> Mono.fromCallable(() -> reader.incoming(refs)));
	}

}

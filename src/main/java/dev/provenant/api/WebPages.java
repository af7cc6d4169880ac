package dev.provenant.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code /graphiql}: Provenant's GraphiQL page ({@code static/graphiql}), and
 * {@code /explorer}: the explorer and {@code /explorer/signals} its signals page
 * ({@code static/explorer}). Their scripts and styles come from WebJars in the jar, so
 * they work where the browser cannot reach a CDN; the data comes from {@code /graphql}
 * with the user's API key.
 */
@Configuration(proxyBeanMethods = false)
class WebPages implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/graphiql").setViewName("forward:/graphiql/index.html");
		registry.addViewController("/graphiql/").setViewName("forward:/graphiql/index.html");
		registry.addViewController("/explorer").setViewName("forward:/explorer/index.html");
		registry.addViewController("/explorer/").setViewName("forward:/explorer/index.html");
		registry.addViewController("/explorer/signals").setViewName("forward:/explorer/signals.html");
	}

}

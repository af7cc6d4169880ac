package dev.provenant.prov;

import java.util.Map;

import dev.provenant.lineage.Lineage;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code Lineage.prov}: the same answer as a PROV-JSON document. */
@Controller
class LineageProvController {

	private final ProvService prov;

	LineageProvController(ProvService prov) {
		this.prov = prov;
	}

	@SchemaMapping(typeName = "Lineage")
	Map<String, Object> prov(Lineage lineage) {
		return this.prov.document(lineage);
	}

}

package dev.provenant.load;

import java.util.List;

/**
 * One request of the load.
 *
 * @param decisions the ids of the decisions it records, once the service confirms them
 */
record Step(Operation operation, GraphQlRequest request, List<String> decisions) {

}

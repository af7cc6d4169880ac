package dev.provenant.dependency;

/**
 * The ids of the dependency index's nodes by number, readable outside
 * {@link DependencyIndex#read}: a number, once given, keeps its id for as long as the
 * index lives, so an answer may keep numbers and this view instead of a string per node.
 */
@FunctionalInterface
public interface NodeIds {

	String id(int node);

	/**
	 * Orders two nodes' ids as {@link String#compareTo} does; the index's view compares
	 * their bytes without making strings.
	 */
	default int compare(int a, int b) {
		return id(a).compareTo(id(b));
	}

}

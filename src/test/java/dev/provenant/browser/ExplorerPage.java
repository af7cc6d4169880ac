package dev.provenant.browser;

import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The explorer as a user works it: the search box, the toolbar and the graph. The graph
 * is a canvas, so what it draws is read from cytoscape and pointed at by its on-screen
 * position, with real mouse events.
 */
final class ExplorerPage {

	private final ChromeDriver browser;

	ExplorerPage(ChromeDriver browser) {
		this.browser = browser;
	}

	/** Types the text into the search box and submits it. */
	void search(String text) {
		WebElement box = this.browser.findElement(By.id("node-id"));
		box.clear();
		box.sendKeys(text);
		this.browser.findElement(By.cssSelector("#search button[type=submit]")).click();
	}

	/** Types into a toolbar field (from, to, as-of), replacing what was there. */
	void type(String field, String text) {
		WebElement input = this.browser.findElement(By.id(field));
		input.clear();
		input.sendKeys(text);
	}

	void apply() {
		this.browser.findElement(By.cssSelector("#view button[type=submit]")).click();
	}

	/** The ids of what the graph draws, nodes and groups. */
	@SuppressWarnings("unchecked")
	List<String> drawn() {
		return (List<String>) script("return window.provenantExplorer.cy.nodes().map(n => n.id());");
	}

	/** The label drawn for a node or group. */
	String label(String id) {
		return (String) script("return window.provenantExplorer.cy.getElementById(arguments[0]).data('label');", id);
	}

	/**
	 * The classes a node or group is drawn with (quarantined, rolledback, irreversible,
	 * group).
	 */
	@SuppressWarnings("unchecked")
	List<String> classes(String id) {
		return (List<String>) script("return window.provenantExplorer.cy.getElementById(arguments[0]).classes();", id);
	}

	/** The font size, in screen pixels, at which a node's label is drawn now. */
	double renderedFontSize(String id) {
		return ((Number) script(
				"var cy = window.provenantExplorer.cy; return parseFloat(cy.getElementById(arguments[0])"
						+ ".style('font-size')) * cy.zoom();",
				id))
			.doubleValue();
	}

	/** Whether everything drawn lies within the pane's view. */
	boolean allInView() {
		return (Boolean) script("var cy = window.provenantExplorer.cy; var box = cy.elements().boundingBox();"
				+ " var view = cy.extent(); return box.x1 >= view.x1 - 1 && box.y1 >= view.y1 - 1"
				+ " && box.x2 <= view.x2 + 1 && box.y2 <= view.y2 + 1;");
	}

	/** Moves the view off the graph, as a user dragging it away would. */
	void panAway() {
		script("window.provenantExplorer.cy.panBy({ x: 5000, y: 0 });");
	}

	void click(String id) {
		pointAt(id).click().perform();
	}

	void doubleClick(String id) {
		pointAt(id).doubleClick().perform();
	}

	void hover(String id) {
		pointAt(id).perform();
	}

	/**
	 * Brings the node to the middle of the pane, as a user panning to it would, and
	 * points there.
	 */
	private Actions pointAt(String id) {
		@SuppressWarnings("unchecked")
		Map<String, Number> at = (Map<String, Number>) script(
				"var cy = window.provenantExplorer.cy; var node = cy.getElementById(arguments[0]);"
						+ " if (node.empty()) { return null; } cy.center(node); var p = node.renderedPosition();"
						+ " var box = cy.container().getBoundingClientRect(); return { x: box.left + p.x, y: box.top + p.y };",
				id);
		if (at == null) {
			throw new AssertionError(id + " is not drawn; drawn: " + drawn());
		}
		return new Actions(this.browser).moveToLocation(at.get("x").intValue(), at.get("y").intValue());
	}

	private Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.browser).executeScript(script, arguments);
	}

}

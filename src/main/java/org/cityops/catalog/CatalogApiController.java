package org.cityops.catalog;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cityops.catalog.Catalog;
import org.cityops.catalog.Category;
import org.cityops.catalog.CategoryChange;
import org.cityops.catalog.CategoryNotFound;

import org.cityops.shared.Access;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case catalog over HTTP.
 */
@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "catalog", description = "Case categories (部件/事项) with departments, conditions and deadlines")
class CatalogApiController {

	private final Catalog catalog;

	CatalogApiController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/categories")
	@Operation(summary = "The categories, optionally of one kind (COMPONENT, MATTER) or matching a text")
	List<Category> categories(@RequestParam(required = false) String kind, @RequestParam(required = false) String q) {
		if (kind != null && !kind.equalsIgnoreCase("COMPONENT") && !kind.equalsIgnoreCase("MATTER")) {
			throw new IllegalArgumentException("kind must be COMPONENT or MATTER");
		}
		return this.catalog.categories((kind != null) ? kind.toUpperCase(java.util.Locale.ROOT) : null, q);
	}

	@GetMapping("/categories/{code}")
	@Operation(summary = "One category")
	Category category(@PathVariable String code) {
		return this.catalog.category(code).orElseThrow(() -> CategoryNotFound.forCode(code));
	}

	@GetMapping("/suggest")
	@Operation(summary = "Categories suggested for a free text, best first, with a score")
	List<Catalog.Suggestion> suggest(@RequestParam String text, @RequestParam(defaultValue = "5") int limit) {
		return this.catalog.suggest(text, Math.max(1, Math.min(limit, 20)));
	}

	@PutMapping("/categories/{code}")
	@PreAuthorize(Access.ADMIN)
	@Operation(summary = "Change a category's department, conditions, deadline, simple procedure, keywords (ADMIN)")
	Category update(@PathVariable String code, @RequestBody CategoryChange change, Principal principal) {
		return this.catalog.update(code, change, principal.getName());
	}

	@GetMapping("/categories/{code}/revisions")
	@Operation(summary = "Every revision of a category, newest first")
	List<Map<String, Object>> revisions(@PathVariable String code) {
		return this.catalog.revisions(code);
	}

}

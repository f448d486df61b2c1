package org.cityops.organization;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cityops.grid.Grid;
import org.cityops.grid.GridPlace;
import org.cityops.grid.UnitSummary;
import org.cityops.organization.Department;
import org.cityops.organization.Organization;
import org.cityops.organization.RoutingRule;
import org.cityops.organization.StaffScope;

import org.cityops.shared.Access;
import org.cityops.shared.Texts;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Departments, staff scopes and routing over HTTP.
 */
@RestController
@RequestMapping("/api/v1/organization")
@Tag(name = "organization", description = "Departments (4+1, committees, property companies), scopes and routing")
class OrganizationApiController {

	private final Organization organization;

	private final Grid grid;

	OrganizationApiController(Organization organization, Grid grid) {
		this.organization = organization;
		this.grid = grid;
	}

	@GetMapping("/departments")
	@Operation(summary = "Every department")
	List<Department> departments() {
		return this.organization.departments();
	}

	@GetMapping("/staff/{username}")
	@Operation(summary = "A staff member's department and scope")
	ResponseEntity<StaffScope> staff(@PathVariable String username) {
		return ResponseEntity.of(this.organization.scopeOf(username));
	}

	@GetMapping("/routing/rules")
	@Operation(summary = "The routing rules")
	List<RoutingRule> rules() {
		return this.organization.rules();
	}

	record RuleRequest(String categoryCode, String placeCode, String departmentCode) {
	}

	@PostMapping("/routing/rules")
	@PreAuthorize(Access.ADMIN)
	@Operation(summary = "Add or replace the rule for (category, place) (ADMIN)")
	RoutingRule putRule(@RequestBody RuleRequest rule) {
		if (rule.departmentCode() == null) {
			throw new IllegalArgumentException("departmentCode is required");
		}
		return this.organization.putRule(Texts.orNull(rule.categoryCode()), Texts.orNull(rule.placeCode()),
				rule.departmentCode());
	}

	@DeleteMapping("/routing/rules/{id}")
	@PreAuthorize(Access.ADMIN)
	@Operation(summary = "Delete a routing rule (ADMIN)")
	ResponseEntity<Void> deleteRule(@PathVariable long id) {
		return this.organization.deleteRule(id) ? ResponseEntity.noContent().build()
				: ResponseEntity.notFound().build();
	}

	@GetMapping("/routing/resolve")
	@Operation(summary = "Which department a case of the category in the unit goes to, and why")
	Organization.Routed resolve(@RequestParam String category, @RequestParam String unit) {
		UnitSummary summary = this.grid.unit(unit);
		return this.organization.route(category, summary.code(), summary.area().code());
	}

	@GetMapping("/routing/report")
	@Operation(summary = "Gaps (categories no department serves in an area) and conflicting rules")
	Map<String, Object> report() {
		List<String> areas = this.grid.units().stream().map(UnitSummary::area).map(GridPlace::code).distinct().toList();
		return this.organization.report(areas);
	}

}

package org.cityops.demo;

import org.cityops.organization.Department;
import org.cityops.organization.Organization;
import org.cityops.organization.StaffScope;
import java.util.List;

import org.cityops.grid.Grid;
import org.cityops.grid.GridNotFound;
import org.cityops.grid.GridPlace;
import org.cityops.grid.GridVersionActivated;
import org.cityops.grid.UnitSummary;
import org.cityops.shared.DepartmentKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Taopu demo organisation, created once the demo grid exists: the operations centre;
 * for each of the three areas the "4+1" (城管执法中队, 市场监管所, 派出所, 房管办 teams and the area
 * centre); one department per committee; two property companies; and scopes for the demo
 * accounts.
 */
@Component
@ConditionalOnProperty(name = "cityops.demo", havingValue = "true", matchIfMissing = true)
class DemoOrganization implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(DemoOrganization.class);

	static final String OPERATIONS_CENTRE = "TP-CYZX";

	private final Organization organization;

	private final Grid grid;

	DemoOrganization(Organization organization, Grid grid) {
		this.organization = organization;
		this.grid = grid;
	}

	@Override
	public void afterSingletonsInstantiated() {
		seedIfReady();
	}

	@EventListener
	void on(GridVersionActivated event) {
		seedIfReady();
	}

	@Transactional
	synchronized void seedIfReady() {
		if (!this.organization.departments().isEmpty()) {
			return;
		}
		List<UnitSummary> units;
		try {
			units = this.grid.units();
		}
		catch (GridNotFound ex) {
			return;
		}
		this.organization.addDepartment(
				new Department(OPERATIONS_CENTRE, "桃浦镇城市运行管理中心", DepartmentKind.OPERATIONS_CENTRE, null, true));
		List<GridPlace> areas = units.stream().map(UnitSummary::area).distinct().toList();
		for (GridPlace area : areas) {
			String shortName = area.name().replace("片区", "");
			String suffix = area.code().substring(area.code().length() - 2);
			team(area, "CG" + suffix, "城管执法中队（" + shortName + "）", DepartmentKind.CITY_MANAGEMENT);
			team(area, "SJ" + suffix, "市场监管所（" + shortName + "）", DepartmentKind.MARKET_SUPERVISION);
			team(area, "PCS" + suffix, "桃浦派出所（" + shortName + "警务组）", DepartmentKind.POLICE);
			team(area, "FG" + suffix, "房管办（" + shortName + "）", DepartmentKind.HOUSING);
			team(area, "ZX" + suffix, area.name() + "网格化综合管理服务中心", DepartmentKind.AREA_CENTRE);
		}
		units.stream()
			.map(UnitSummary::committee)
			.distinct()
			.forEach((c) -> this.organization
				.addDepartment(new Department("JW" + c.code(), c.name(), DepartmentKind.COMMITTEE, c.code(), true)));
		this.organization
			.addDepartment(new Department("WY-01", "桃浦物业管理有限公司（演示）", DepartmentKind.PROPERTY_COMPANY, null, true));
		this.organization
			.addDepartment(new Department("WY-02", "普陀城建物业服务有限公司（演示）", DepartmentKind.PROPERTY_COMPANY, null, true));
		GridPlace east = areas.get(0);
		UnitSummary firstUnit = units.get(0);
		String eastSuffix = east.code().substring(east.code().length() - 2);
		this.organization.assign("admin", OPERATIONS_CENTRE, StaffScope.TOWN, List.of());
		this.organization.assign("operator", OPERATIONS_CENTRE, StaffScope.TOWN, List.of());
		this.organization.assign("leader", OPERATIONS_CENTRE, StaffScope.TOWN, List.of());
		this.organization.assign("inspector", "TP-ZX" + eastSuffix, StaffScope.AREA, List.of(east.code()));
		this.organization.assign("handler", "TP-CG" + eastSuffix, StaffScope.AREA, List.of(east.code()));
		List<String> committeeUnits = units.stream()
			.filter((u) -> u.committee().code().equals(firstUnit.committee().code()))
			.map(UnitSummary::code)
			.toList();
		this.organization.assign("committee", "JW" + firstUnit.committee().code(), StaffScope.UNIT, committeeUnits);
		log.info("Created the Taopu demo organisation: {} departments", this.organization.departments().size());
	}

	private void team(GridPlace area, String code, String name, DepartmentKind kind) {
		this.organization.addDepartment(new Department("TP-" + code, name, kind, area.code(), true));
	}

}

package org.cityops.catalog;

import java.util.List;

import org.cityops.shared.DepartmentKind;
import org.cityops.worktime.DeadlineUnit;

/**
 * The defaults a category gets when the catalog is first seeded: handling deadlines,
 * departments and whether the simple procedure is allowed, from the category's name.
 * Based on common practice in Shanghai's digital city management (e.g. 暴露垃圾 1 working
 * day, 道路不洁 5 working hours, 私搭乱建 15 working days); administrators adjust each category
 * afterwards.
 */
final class DeadlineRules {

	record Defaults(int amount, DeadlineUnit unit, DepartmentKind department, boolean simpleProcedure) {
	}

	private record Rule(String keyword, int amount, DeadlineUnit unit, DepartmentKind department, boolean simple) {
	}

	private static final DeadlineUnit H = DeadlineUnit.WORKING_HOURS;

	private static final DeadlineUnit D = DeadlineUnit.WORKING_DAYS;

	private static final List<Rule> RULES = List.of(new Rule("私搭乱建", 15, D, DepartmentKind.CITY_MANAGEMENT, false),
			new Rule("无证建设", 15, D, DepartmentKind.CITY_MANAGEMENT, false),
			new Rule("暴露垃圾", 1, D, DepartmentKind.AREA_CENTRE, true),
			new Rule("道路不洁", 5, H, DepartmentKind.AREA_CENTRE, true),
			new Rule("积存垃圾渣土", 1, D, DepartmentKind.AREA_CENTRE, true),
			new Rule("垃圾站（箱）满溢", 4, H, DepartmentKind.AREA_CENTRE, true),
			new Rule("垃圾未分类", 1, D, DepartmentKind.COMMITTEE, true),
			new Rule("乱堆杂物", 1, D, DepartmentKind.COMMITTEE, true),
			new Rule("沿街晾挂", 1, D, DepartmentKind.COMMITTEE, true),
			new Rule("非法小广告", 1, D, DepartmentKind.CITY_MANAGEMENT, true),
			new Rule("街头散发广告", 2, H, DepartmentKind.CITY_MANAGEMENT, true),
			new Rule("无照经营游商", 2, H, DepartmentKind.CITY_MANAGEMENT, false),
			new Rule("占道经营", 2, H, DepartmentKind.CITY_MANAGEMENT, true),
			new Rule("店外经营", 4, H, DepartmentKind.CITY_MANAGEMENT, true),
			new Rule("露天烧烤", 2, H, DepartmentKind.CITY_MANAGEMENT, false),
			new Rule("噪声扰民", 4, H, DepartmentKind.POLICE, false),
			new Rule("非机动车", 1, D, DepartmentKind.AREA_CENTRE, true),
			new Rule("群租", 10, D, DepartmentKind.HOUSING, false), new Rule("物业", 5, D, DepartmentKind.HOUSING, false),
			new Rule("公用电梯", 1, D, DepartmentKind.HOUSING, false),
			new Rule("食品", 3, D, DepartmentKind.MARKET_SUPERVISION, false),
			new Rule("价格", 3, D, DepartmentKind.MARKET_SUPERVISION, false),
			new Rule("井盖", 4, H, DepartmentKind.AREA_CENTRE, false),
			new Rule("雨水箅子", 4, H, DepartmentKind.AREA_CENTRE, false),
			new Rule("积水", 2, H, DepartmentKind.AREA_CENTRE, false),
			new Rule("防汛", 4, H, DepartmentKind.AREA_CENTRE, false),
			new Rule("路灯", 3, D, DepartmentKind.AREA_CENTRE, false),
			new Rule("交通信号", 4, H, DepartmentKind.POLICE, false),
			new Rule("施工", 3, D, DepartmentKind.CITY_MANAGEMENT, false),
			new Rule("渣土", 2, D, DepartmentKind.CITY_MANAGEMENT, false),
			new Rule("广告", 5, D, DepartmentKind.CITY_MANAGEMENT, false),
			new Rule("牌匾", 5, D, DepartmentKind.CITY_MANAGEMENT, false));

	private DeadlineRules() {
	}

	static Defaults defaults(String kind, String majorCode, String name) {
		for (Rule rule : RULES) {
			if (name.contains(rule.keyword())) {
				return new Defaults(rule.amount(), rule.unit(), rule.department(), rule.simple());
			}
		}
		if ("COMPONENT".equals(kind)) {
			return new Defaults(5, D, DepartmentKind.AREA_CENTRE, false);
		}
		DepartmentKind department = switch (majorCode) {
			case "07", "08", "09" -> DepartmentKind.CITY_MANAGEMENT;
			default -> DepartmentKind.AREA_CENTRE;
		};
		return new Defaults(3, D, department, false);
	}

}

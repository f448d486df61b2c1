package org.cityops.shared;

/**
 * The kinds of unit that handle cases: the "4+1" forces sunk into each grid area, the
 * area centre itself, the town's operations centre, committees and property companies.
 */
public enum DepartmentKind {

	/** 城管执法中队 */
	CITY_MANAGEMENT,
	/** 市场监管所 */
	MARKET_SUPERVISION,
	/** 派出所 */
	POLICE,
	/** 房管办 */
	HOUSING,
	/** 片区网格化综合管理服务中心 (the "+1") */
	AREA_CENTRE,
	/** 城市运行管理中心 */
	OPERATIONS_CENTRE,
	/** 居委会 / 村委会 */
	COMMITTEE,
	/** 物业公司 */
	PROPERTY_COMPANY

}

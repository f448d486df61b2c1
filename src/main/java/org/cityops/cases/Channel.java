package org.cityops.cases;

/**
 * Where a report came from.
 */
public enum Channel {

	/** 网格员巡查 */
	INSPECTOR,
	/** 12345 市民服务热线 */
	HOTLINE,
	/** 智联普陀 sensors */
	SENSOR,
	/** a resident's report */
	RESIDENT,
	/** "四百" door-to-door visits */
	VISIT,
	/** video analytics */
	VIDEO, OTHER

}

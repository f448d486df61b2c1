package org.cityops.worktime;

/**
 * What an official notice says about a date: a public holiday, or an adjusted working day
 * (调休上班) on a weekend.
 */
enum DayKind {

	HOLIDAY, WORKDAY

}

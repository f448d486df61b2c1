/**
 * Working time: the town's working hours, weekends, official holidays and adjusted
 * working days (调休) as data, and deadline arithmetic in working hours, working days and
 * calendar days.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.cityops.worktime;

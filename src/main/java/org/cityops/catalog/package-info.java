/**
 * Case categories: the two-level component/matter (部件/事项) tree of GB/T 47678.5 as data,
 * each with its default department, conditions and handling deadline, editable by
 * administrators with every revision kept.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "worktime" })
package org.cityops.catalog;

/**
 * Who handles what where: departments (the "4+1" sunk into each grid area, committees,
 * property companies), staff with their department and scope, and routing rules from
 * (category, place) to a department.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "grid", "catalog" })
package org.cityops.organization;

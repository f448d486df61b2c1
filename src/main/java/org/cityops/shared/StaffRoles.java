package org.cityops.shared;

import java.util.Set;

/**
 * Which staff accounts hold a role: what a module that ranks people (the inspectors'
 * evaluation) needs to leave out the accounts of other roles, without reading the
 * accounts themselves. The sign-in layer implements it.
 */
public interface StaffRoles {

	/** The user names of the enabled accounts with this role. */
	Set<String> withRole(Role role);

}

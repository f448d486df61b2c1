package org.cityops.shared;

import java.util.Optional;
import java.util.Set;

/**
 * Which staff accounts hold a role: what a module that ranks people (the inspectors'
 * evaluation) or acts in an account's name needs to know of the accounts, without reading
 * them itself. The sign-in layer implements it.
 */
public interface StaffRoles {

	/** The user names of the enabled accounts with this role. */
	Set<String> withRole(Role role);

	/** The role of an enabled account, if there is one of that name. */
	Optional<Role> roleOf(String username);

}

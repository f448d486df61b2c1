package org.cityops.system;

import java.util.List;

import org.cityops.shared.Role;

/**
 * Accounts with credentials known in advance, made at start-up when they do not exist
 * yet: the demo's staff accounts and machine client. Marked as demo accounts, so that
 * they can be told from real ones.
 */
public interface AccountSeeding {

	/** A staff account; answers whether it was created (false: it existed). */
	boolean staffIfAbsent(String username, String displayName, String password, Role role);

	/** A machine client with its API key; answers whether it was created. */
	boolean clientIfAbsent(String name, List<String> scopes, String key);

}

package org.cityops.cases;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.cityops.shared.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No module but this one makes a staff actor, and the platform's own work carries no
 * staff rights.
 */
class ActorTests {

	@Test
	void noOtherModuleCanMakeAnActor() {
		assertThat(Actor.class.getConstructors()).as("public constructors of Actor").isEmpty();
		assertThat(Arrays.stream(CaseManagement.class.getMethods()).map((m) -> m.getName()))
			.as("CaseManagement makes actors only from a sign-in or a stored account")
			.doesNotContain("actor", "forCentre");
	}

	@Test
	void withRealAccountsNoModuleActsInAnAccountsName() {
		org.cityops.shared.StaffRoles accounts = new org.cityops.shared.StaffRoles() {
			@Override
			public Set<String> withRole(Role role) {
				return Set.of("admin");
			}

			@Override
			public java.util.Optional<Role> roleOf(String username) {
				return java.util.Optional.of(Role.ADMIN);
			}
		};
		CaseManagement production = new CaseManagement(null, null, null, null, null, null, null, null, accounts, false,
				50, java.time.Duration.ofHours(72));
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> production.demoAccount("admin"))
			.withMessageContaining("demo");
	}

	@Test
	void theSystemDoesOnlyIntake() {
		Actor system = Actor.system("test");
		Set<Action> allowed = EnumSet.noneOf(Action.class);
		for (Action a : Action.values()) {
			if (a.permits(system)) {
				allowed.add(a);
			}
		}
		assertThat(allowed).containsExactlyInAnyOrder(Action.REGISTER, Action.DISPATCH);
		assertThat(system.isSystem()).isTrue();
		assertThat(system.role()).isNull();
		assertThat(system.roleName()).isEqualTo("SYSTEM");
		Actor operator = new Actor("op", Role.OPERATOR, null, null);
		assertThat(Action.CLOSE.permits(operator)).isTrue();
		assertThat(Action.HANDLE.permits(operator)).isFalse();
	}

}

package org.cityops.sensors;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded broker's door: every client signs in ({@link MqttAccounts}); a device or
 * gateway may publish only to its topics and subscribe to nothing, the platform may
 * subscribe to telemetry (also as a shared subscription) and publish nothing. A refused
 * client gets CONNACK "bad user name or password"; a refused publish or subscription is
 * answered "not authorized".
 */
@Configuration(proxyBeanMethods = false)
class MqttSecurity {

	private static final Logger log = LoggerFactory.getLogger(MqttSecurity.class);

	/**
	 * The platform's own account: the configured one, or (embedded broker, nothing
	 * configured) a random password made at start that only this process knows.
	 */
	@Bean
	MqttAccounts.PlatformAccount mqttPlatformAccount(MqttProperties properties) {
		String username = (properties.username() != null) ? properties.username() : "cityops-platform";
		String password = properties.password();
		boolean generated = password == null && properties.embedded();
		if (generated) {
			byte[] bytes = new byte[24];
			new SecureRandom().nextBytes(bytes);
			password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}
		return new MqttAccounts.PlatformAccount(username, password, generated);
	}

	/** The extension that the embedded broker starts with. */
	static EmbeddedExtension extension(MqttAccounts accounts) {
		return EmbeddedExtension.builder()
			.withId("cityops-auth")
			.withName("CityOps device and platform accounts")
			.withVersion("1")
			.withPriority(1000)
			.withStartPriority(1000)
			.withAuthor("CityOps")
			.withExtensionMain(new Main(accounts))
			.build();
	}

	private static final class Main implements ExtensionMain {

		private static final String ACCOUNT = "cityops.account";

		private final MqttAccounts accounts;

		private final ExecutorService lookups = Executors.newFixedThreadPool(2, (r) -> {
			Thread t = new Thread(r, "mqtt-auth");
			t.setDaemon(true);
			return t;
		});

		Main(MqttAccounts accounts) {
			this.accounts = accounts;
		}

		/** Signed-in accounts by "kind:name", as their connections carry them. */
		private final java.util.Map<String, MqttAccounts.Account> signedIn = new java.util.concurrent.ConcurrentHashMap<>();

		@Override
		public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
			SimpleAuthenticator authenticator = this::authenticate;
			PublishAuthorizer publishes = this::authorizePublish;
			Services.securityRegistry().setAuthenticatorProvider((providerInput) -> authenticator);
			Services.securityRegistry().setAuthorizerProvider((providerInput) -> publishes);
		}

		/**
		 * Each publish against the account its connection signed in as: a set lookup, so
		 * a gateway of thousands of devices costs no more than one device.
		 */
		private void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
			MqttAccounts.Account account = input.getConnectionInformation()
				.getConnectionAttributeStore()
				.getAsString(ACCOUNT)
				.map(this.signedIn::get)
				.orElse(null);
			if (account != null && account.mayPublish(input.getPublishPacket().getTopic())) {
				output.authorizeSuccessfully();
			}
			else {
				output.failAuthorization(AckReasonCode.NOT_AUTHORIZED,
						"This account publishes only its own devices' telemetry");
			}
		}

		@Override
		public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
			this.lookups.shutdownNow();
		}

		/** Looks the account up off the broker's threads (it reads the database). */
		private void authenticate(SimpleAuthInput input, SimpleAuthOutput output) {
			String username = input.getConnectPacket().getUserName().orElse(null);
			byte[] password = input.getConnectPacket().getPassword().map(Main::bytes).orElse(null);
			String clientId = input.getClientInformation().getClientId();
			Async<SimpleAuthOutput> async = output.async(Duration.ofSeconds(10), TimeoutFallback.FAILURE);
			this.lookups.submit(() -> {
				try {
					Optional<MqttAccounts.Account> account = this.accounts.authenticate(username, password);
					if (account.isEmpty()) {
						log.warn("MQTT sign-in refused: client {} as {}", clientId,
								(username != null) ? username : "(anonymous)");
						output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD,
								"Sign in with the credentials the CityOps registry issued");
						return;
					}
					MqttAccounts.Account a = account.get();
					String key = a.kind() + ":" + a.name();
					this.signedIn.put(key, a); // a gateway's devices as of its latest
												// sign-in
					input.getConnectionInformation().getConnectionAttributeStore().putAsString(ACCOUNT, key);
					var permissions = output.getDefaultPermissions();
					permissions.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
					if (a.kind() == MqttAccounts.Account.Kind.PLATFORM) {
						permissions.add(permission(MqttProperties.TOPIC, TopicPermission.MqttActivity.SUBSCRIBE));
					}
					output.authenticateSuccessfully();
				}
				catch (RuntimeException ex) {
					log.warn("MQTT sign-in of {} could not be checked: {}", clientId, ex.getMessage());
					output.failAuthentication(ConnackReasonCode.SERVER_UNAVAILABLE, "Try again later");
				}
				finally {
					async.resume();
				}
			});
		}

		private static TopicPermission permission(String filter, TopicPermission.MqttActivity activity) {
			return Builders.topicPermission()
				.topicFilter(filter)
				.type(TopicPermission.PermissionType.ALLOW)
				.activity(activity)
				.sharedSubscription(TopicPermission.SharedSubscription.ALL)
				.build();
		}

		private static byte[] bytes(ByteBuffer buffer) {
			byte[] out = new byte[buffer.remaining()];
			buffer.duplicate().get(out);
			return out;
		}

	}

}

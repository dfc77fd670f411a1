/*
 * Mosquitto 2.0 plugin: a client id must belong to the username that connects, so no client can displace another
 * or take over its persistent session. The rule is the protocol's (shared/auth/client-id.ts):
 *
 *   a person  <user>       connects as  console-<user>-<install>        (<install>: letters and digits)
 *   a service svc-<name>   connects as  svc-<name> or svc-<name>-<instance>
 *
 * An id that fits is passed on to the next check (the password file); one that does not is refused before Mosquitto
 * looks the id up, so the connection that owns it is untouched. Build and configure: docs/operations.md.
 */
#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include <mosquitto.h>
#include <mosquitto_broker.h>
#include <mosquitto_plugin.h>

static mosquitto_plugin_id_t *plugin_id;

static bool all_of(const char *text, size_t max, int (*ok)(int), const char *also)
{
	size_t length = strlen(text);
	if (length == 0 || length > max) return false;
	for (size_t i = 0; i < length; i++) {
		unsigned char c = (unsigned char)text[i];
		if (!ok(c) && !(also && strchr(also, c))) return false;
	}
	return true;
}

static int is_lower(int c) { return c >= 'a' && c <= 'z'; }
static int is_alnum_ascii(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

static bool client_id_belongs_to(const char *username, const char *client_id)
{
	size_t user_length = strlen(username);
	if (strncmp(username, "svc-", 4) == 0) {
		if (!all_of(username + 4, 32, is_lower, NULL)) return false;
		if (strcmp(client_id, username) == 0) return true;
		return strncmp(client_id, username, user_length) == 0 && client_id[user_length] == '-'
			&& all_of(client_id + user_length + 1, 64, is_alnum_ascii, "_-");
	}
	if (strncmp(client_id, "console-", 8) != 0) return false;
	const char *rest = client_id + 8;
	return strncmp(rest, username, user_length) == 0 && rest[user_length] == '-'
		&& all_of(rest + user_length + 1, 64, is_alnum_ascii, NULL);
}

static int on_basic_auth(int event, void *event_data, void *userdata)
{
	struct mosquitto_evt_basic_auth *ed = event_data;
	(void)event;
	(void)userdata;
	const char *client_id = mosquitto_client_id(ed->client);
	if (ed->username == NULL || client_id == NULL) return MOSQ_ERR_PLUGIN_DEFER;
	if (client_id_belongs_to(ed->username, client_id)) return MOSQ_ERR_PLUGIN_DEFER;
	mosquitto_log_printf(MOSQ_LOG_NOTICE, "classroom: client id %s refused for user %s", client_id, ed->username);
	return MOSQ_ERR_AUTH;
}

int mosquitto_plugin_version(int supported_version_count, const int *supported_versions)
{
	for (int i = 0; i < supported_version_count; i++) {
		if (supported_versions[i] == 5) return 5;
	}
	return -1;
}

int mosquitto_plugin_init(mosquitto_plugin_id_t *identifier, void **userdata, struct mosquitto_opt *options, int option_count)
{
	(void)userdata;
	(void)options;
	(void)option_count;
	plugin_id = identifier;
	return mosquitto_callback_register(plugin_id, MOSQ_EVT_BASIC_AUTH, on_basic_auth, NULL, NULL);
}

int mosquitto_plugin_cleanup(void *userdata, struct mosquitto_opt *options, int option_count)
{
	(void)userdata;
	(void)options;
	(void)option_count;
	return mosquitto_callback_unregister(plugin_id, MOSQ_EVT_BASIC_AUTH, on_basic_auth, NULL);
}

import type { DOOR_VIEW_FIELDS } from "@profilehub/api";
import type { NarrowedUserView, UserView } from "@profilehub/validators";

/** What the door renders from: its view fields (`DOOR_VIEW_FIELDS`). */
type StackUserView = NarrowedUserView<(typeof DOOR_VIEW_FIELDS)["dialect-d"]>;

const millis = (iso: string) => new Date(iso).getTime();

/** A team, shaped like a Stack Auth team (ProfileHub keeps no team image or metadata). */
export function toStackTeam(team: NonNullable<UserView["selectedTeam"]>) {
  return {
    id: team.id,
    display_name: team.displayName,
    profile_image_url: null,
    client_metadata: null,
    client_read_only_metadata: null,
    created_at_millis: millis(team.createdAt),
  };
}

/**
 * What Stack's SDK reads besides the documented fields (its client read schema): how the user
 * signs in. ProfileHub has passwords and TOTP; no OAuth providers, OTP (magic link) or passkey
 * sign-in, anonymous or restricted users.
 */
function signInFacts(user: StackUserView) {
  return {
    has_password: user.hasPassword,
    auth_with_email: user.emailAuthEnabled,
    oauth_providers: [],
    requires_totp_mfa: user.totpEnabled,
    otp_auth_enabled: false,
    passkey_auth_enabled: false,
    is_anonymous: false,
    is_restricted: false,
    restricted_reason: null,
    restricted_by_admin: false,
    restricted_by_admin_reason: null,
  };
}

/** What only Stack's server read schema has (ProfileHub computes no risk scores nor country). */
const SERVER_FACTS = {
  restricted_by_admin_private_details: null,
  country_code: null,
  risk_scores: { sign_up: { bot: 0, free_trial_abuse: 0 } },
};

/** The user as Stack's backend reads it: `server_metadata` and the server facts only for server access. */
export function toStackUser(user: StackUserView, serverAccess: boolean) {
  return {
    id: user.id,
    primary_email: user.email,
    primary_email_verified: user.emailVerified,
    primary_email_auth_enabled: user.emailAuthEnabled,
    display_name: user.displayName,
    selected_team: user.selectedTeam ? toStackTeam(user.selectedTeam) : null,
    selected_team_id: user.selectedTeamId,
    profile_image_url: user.avatarUrl,
    signed_up_at_millis: millis(user.createdAt),
    last_active_at_millis: millis(user.lastActiveAt),
    client_metadata: user.userMetadata,
    client_read_only_metadata: user.appMetadata,
    ...signInFacts(user),
    ...(serverAccess ? { server_metadata: user.serverMetadata ?? {}, ...SERVER_FACTS } : {}),
  };
}

export function currentUserResponse(user: StackUserView, serverAccess: boolean): Response {
  return Response.json(toStackUser(user, serverAccess));
}

/** One of the caller's sessions, as Stack lists them (a session is Stack's refresh token). */
export function toStackSession(
  session: { id: string; current: boolean; ipAddress: string | null; createdAt: string; lastActiveAt: string },
  userId: string,
) {
  return {
    id: session.id,
    user_id: userId,
    created_at: millis(session.createdAt),
    last_used_at: millis(session.lastActiveAt),
    is_impersonation: false,
    is_current_session: session.current,
    ...(session.ipAddress
      ? {
          last_used_at_end_user_ip_info: {
            ip: session.ipAddress,
            countryCode: null,
            regionCode: null,
            cityName: null,
            latitude: null,
            longitude: null,
            tzIdentifier: null,
          },
        }
      : {}),
  };
}

import type { UserView } from "@profilehub/validators";

const millis = (iso: string) => new Date(iso).getTime();

/** The selected team, shaped like a Stack Auth team (ProfileHub keeps no team image or metadata). */
function toStackTeam(team: NonNullable<UserView["selectedTeam"]>) {
  return {
    id: team.id,
    display_name: team.displayName,
    profile_image_url: null,
    client_metadata: null,
    client_read_only_metadata: null,
    created_at_millis: millis(team.createdAt),
  };
}

/** The user as documented: no more, no less; `server_metadata` only for server access. */
export function toStackUser(user: UserView, serverAccess: boolean) {
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
    ...(serverAccess ? { server_metadata: user.serverMetadata ?? {} } : {}),
  };
}

export function currentUserResponse(user: UserView, serverAccess: boolean): Response {
  return Response.json(toStackUser(user, serverAccess));
}

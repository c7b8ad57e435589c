"use client";

import { sanitizeUsername, type UserUpdateInput, type UserView } from "@profilehub/validators";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useContext } from "react";

import { useTRPC } from "@/trpc/react";

/** The user rendered by the server for this page load; seeds the `me.get` query. */
export const InitialUserContext = createContext<UserView | null>(null);

/** The signed-in user, kept fresh by TanStack Query (and refetched when the window regains focus). */
export function useMe(): UserView {
  const trpc = useTRPC();
  const initial = useContext(InitialUserContext);
  if (!initial) throw new Error("useMe() needs the settings providers");
  const { data } = useQuery({ ...trpc.me.get.queryOptions(), initialData: initial });
  return data;
}

/** Fields whose new value can be shown before the server answers. */
const OPTIMISTIC_FIELDS = [
  "displayName",
  "firstName",
  "lastName",
  "username",
  "avatarUrl",
  "bio",
  "birthdate",
  "location",
  "locale",
  "notifications",
  "userMetadata",
] as const;

/** The user as it will look once `input` is stored (the server's answer replaces it). */
export function applyOptimistic(user: UserView, input: UserUpdateInput): UserView {
  const next: Record<string, unknown> = { ...user };
  for (const field of OPTIMISTIC_FIELDS) {
    const value = input[field];
    if (value === undefined) continue;
    next[field] = field === "username" && typeof value === "string" ? sanitizeUsername(value) : value;
  }
  return next as UserView;
}

/**
 * `me.update`, optimistic: the cached user changes at once (so every part of the page — the
 * header's name, the avatar, the language — follows), is rolled back if the server refuses, and
 * is replaced by what the server stored when it accepts.
 */
export function useUpdateMe() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = trpc.me.get.queryKey();
  return useMutation(
    trpc.me.update.mutationOptions({
      onMutate: async (input) => {
        await queryClient.cancelQueries({ queryKey: key });
        const previous = queryClient.getQueryData(key);
        if (previous) queryClient.setQueryData(key, applyOptimistic(previous, input));
        return { previous };
      },
      onError: (_error, _input, context) => {
        if (context?.previous) queryClient.setQueryData(key, context.previous);
      },
      onSuccess: (user) => {
        queryClient.setQueryData(key, user);
      },
    }),
  );
}

/** Stores a user returned by another mutation (two-factor on/off) as the current one. */
export function useSetMe() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (user: UserView) => queryClient.setQueryData(trpc.me.get.queryKey(), user);
}

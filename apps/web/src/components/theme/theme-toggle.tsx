"use client";

import { MoonIcon } from "@/components/icons/moon";
import { SunIcon } from "@/components/icons/sun";
import { useLazyMenu } from "@/components/lazy-menu";
import { Button } from "@/components/ui/button";

import type { ThemeLabels } from "./theme-menu";

const loadMenu = () => import("./theme-menu").then((module) => module.ThemeMenu);

/** The theme button; its menu (./theme-menu) loads when it is first reached or pressed. */
export function ThemeToggle({ labels }: { labels: ThemeLabels }) {
  const { Menu, initiallyOpen, triggerProps } = useLazyMenu(loadMenu);
  if (Menu) return <Menu labels={labels} initiallyOpen={initiallyOpen} />;
  return (
    <Button variant="ghost" size="icon" aria-label={labels.label} data-testid="theme-toggle" {...triggerProps}>
      <SunIcon aria-hidden className="dark:hidden" />
      <MoonIcon aria-hidden className="hidden dark:block" />
    </Button>
  );
}

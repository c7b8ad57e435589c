"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { useEffect, useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

import { THEME_STORAGE_KEY } from "./theme-script";

export type ThemeChoice = "light" | "dark" | "system";

function storedChoice(): ThemeChoice {
  if (typeof window === "undefined") return "system";
  const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
  return stored === "light" || stored === "dark" ? stored : "system";
}

function applyTheme(choice: ThemeChoice) {
  const dark = choice === "dark" || (choice === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
  document.documentElement.style.colorScheme = dark ? "dark" : "light";
}

export interface ThemeLabels {
  label: string;
  light: string;
  dark: string;
  system: string;
}

/**
 * The theme menu (Radix's dropdown menu), loaded by `ThemeToggle` the first time it is opened.
 * Light, dark, or the system's choice; remembered in this browser (localStorage).
 */
export function ThemeMenu({ labels, initiallyOpen = false }: { labels: ThemeLabels; initiallyOpen?: boolean }) {
  // The menu's content only renders once opened, so reading storage here cannot break hydration.
  const [choice, setChoice] = useState<ThemeChoice>(storedChoice);
  const [open, setOpen] = useState(initiallyOpen);
  const items = useRef<Partial<Record<ThemeChoice, HTMLDivElement | null>>>({});
  // The menu opens on the current choice (Radix focuses the menu or its first item): after its own focus.
  useEffect(() => {
    if (!open) return;
    const timer = window.setTimeout(() => items.current[choice]?.focus());
    return () => window.clearTimeout(timer);
  }, [open, choice]);
  const choose = (value: string) => {
    const next: ThemeChoice = value === "light" || value === "dark" ? value : "system";
    setChoice(next);
    if (next === "system") localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, next);
    applyTheme(next);
  };
  return (
    <DropdownMenu open={open} onOpenChange={setOpen}>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={labels.label} data-testid="theme-toggle">
          <Sun aria-hidden className="dark:hidden" />
          <Moon aria-hidden className="hidden dark:block" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="min-w-40">
        <DropdownMenuLabel className="text-xs text-muted-foreground">{labels.label}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuRadioGroup value={choice} onValueChange={choose}>
          <DropdownMenuRadioItem value="light" ref={(node) => void (items.current.light = node)}>
            <Sun aria-hidden /> {labels.light}
          </DropdownMenuRadioItem>
          <DropdownMenuRadioItem value="dark" ref={(node) => void (items.current.dark = node)}>
            <Moon aria-hidden /> {labels.dark}
          </DropdownMenuRadioItem>
          <DropdownMenuRadioItem value="system" ref={(node) => void (items.current.system = node)}>
            <Monitor aria-hidden /> {labels.system}
          </DropdownMenuRadioItem>
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

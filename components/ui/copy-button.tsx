"use client";

import { useEffect, useState } from "react";
import { Check, Copy } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { Button, type ButtonSize, type ButtonVariant } from "./button";

type CopyButtonProps = {
  value: string;
  /** What is copied, e.g. "signing secret": the button is named "Copy signing secret". */
  label: string;
  /** Show the word "Copy" next to the icon. */
  showText?: boolean;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
};

type State = "idle" | "copied" | "failed";

async function writeClipboard(value: string) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(value);
  // Plain-http deployments have no async clipboard API; fall back to a hidden textarea.
  const area = document.createElement("textarea");
  area.value = value;
  area.setAttribute("readonly", "");
  area.style.cssText = "position:fixed;opacity:0;pointer-events:none";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy failed");
}

export function CopyButton({ value, label, showText = false, variant = "outline", size, className }: CopyButtonProps) {
  const [state, setState] = useState<State>("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await writeClipboard(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  const Icon = state === "copied" ? Check : Copy;
  const message = state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "";
  return (
    <span className="inline-flex items-center">
      <Button
        type="button"
        variant={variant}
        size={size ?? (showText ? "sm" : "icon")}
        aria-label={`Copy ${label}`}
        onClick={copy}
        className={cn(!showText && size === undefined && "size-8", className)}
      >
        <Icon aria-hidden="true" className={cn(state === "copied" && "text-success")} />
        {showText && <span>Copy</span>}
      </Button>
      {/* Always rendered so screen readers announce the change. */}
      <span role="status" className={cn("text-xs font-medium", message && "ml-2", state === "failed" ? "text-destructive" : "text-success")}>
        {message}
      </span>
    </span>
  );
}

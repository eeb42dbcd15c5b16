import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";
import { CopyButton } from "./copy-button";

type CodeBlockProps = {
  /** A string is shown as is; anything else is pretty-printed as JSON. */
  value: unknown;
  /** Wrap long lines instead of scrolling sideways. */
  wrap?: boolean;
  /** Adds a copy button named "Copy <label>", e.g. "payload". */
  label?: string;
  /** Optional heading/filename row above the code. */
  caption?: ReactNode;
  className?: string;
};

export function formatCode(value: unknown) {
  if (typeof value === "string") return value;
  if (value === undefined) return "";
  return JSON.stringify(value, null, 2);
}

export function CodeBlock({ value, wrap = false, label, caption, className }: CodeBlockProps) {
  const text = formatCode(value);
  return (
    <div data-slot="code-block" className={cn("relative min-w-0 rounded-lg border bg-muted", className)}>
      {(caption || label) && (
        <div className="flex min-h-10 items-center justify-between gap-2 border-b px-3 py-1">
          <span className="truncate text-xs font-medium text-muted-foreground">{caption}</span>
          {label && <CopyButton value={text} label={label} variant="ghost" />}
        </div>
      )}
      {/* Focusable so keyboard users can scroll a long payload. */}
      <pre
        tabIndex={0}
        className={cn(
          "max-h-96 overflow-auto p-3 font-mono text-xs leading-relaxed text-foreground",
          "focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring",
          wrap && "break-all whitespace-pre-wrap",
        )}
      >
        <code>{text}</code>
      </pre>
    </div>
  );
}

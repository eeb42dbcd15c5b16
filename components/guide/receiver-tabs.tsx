import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { CodeBlock } from "@/components/ui/code-block";

export type ReceiverSnippet = { id: string; label: string; file: string; officialLibrary: string; run: string; source: string };

/** The copyable receivers, one tab per language; each is the real file the tests run. */
export function ReceiverTabs({ snippets }: { snippets: ReceiverSnippet[] }) {
  return (
    <Tabs defaultValue={snippets[0]?.id}>
      <TabsList aria-label="Language" className="flex-wrap">
        {snippets.map((s) => (
          <TabsTrigger key={s.id} value={s.id}>
            {s.label}
          </TabsTrigger>
        ))}
      </TabsList>
      {snippets.map((s) => (
        <TabsContent key={s.id} value={s.id} className="grid min-w-0 gap-2">
          <p className="text-sm text-muted-foreground">
            Standard library only. The official Standard Webhooks library does the same check: <code className="font-mono break-all">{s.officialLibrary}</code>.
            Run it with <code className="font-mono">{s.run}</code>.
          </p>
          <CodeBlock value={s.source} caption={s.file} label={`${s.label} receiver`} className="[&_pre]:max-h-[32rem]" />
        </TabsContent>
      ))}
    </Tabs>
  );
}

import { idParam } from "@/lib/schemas/common";
import { AppError } from "@/lib/server/errors";

/** A path id that is not a UUID names nothing: 404, like another org's object. */
export function pathId(value: string | undefined, what = "object"): string {
  if (!idParam.safeParse(value).success) throw new AppError("not_found", `No such ${what}.`);
  return value!;
}

import { redirect } from "next/navigation";
import { getIdentity } from "@/lib/access/viewer";
import { homeFor } from "@/lib/navigation";

// GET / — sends each user to the first page they may open.
export default async function Home() {
  const identity = await getIdentity();
  if (!identity) redirect("/sign-in");
  if (identity.kind === "operator") redirect("/operator");
  redirect(homeFor(identity.permissions));
}

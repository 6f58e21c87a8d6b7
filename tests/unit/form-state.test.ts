import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { CONFIRMATION_REQUIRED } from "@/lib/forms/form-state";
import { formStateFromError } from "@/lib/forms/run-form-action";
import { logger } from "@/lib/log";
import { parseId, parseInput } from "@/lib/validation";

afterEach(() => vi.restoreAllMocks());

describe("formStateFromError", () => {
  it("names the missing permission by its label", () => {
    const state = formStateFromError(new AppError("forbidden", "Missing permission: payments.update", { permission: "payments.update" }), {});
    expect(state).toMatchObject({ status: "error", message: "You don't have the Update Payment Information permission." });
  });

  it("puts validation messages next to their fields and keeps the echoed values", () => {
    const error = (() => {
      try {
        parseInput(z.object({ name: z.string().min(1, "Enter a name.") }), { name: "" });
      } catch (e) {
        return e;
      }
    })();
    expect(formStateFromError(error, { name: "" })).toEqual({
      status: "error",
      message: "Check the highlighted fields.",
      fieldErrors: { name: ["Enter a name."] },
      needsConfirmation: false,
      values: { name: "" },
    });
  });

  it("flags changes that need the user's confirmation", () => {
    expect(formStateFromError(new AppError("conflict", "Confirm", { reason: CONFIRMATION_REQUIRED }), {}).needsConfirmation).toBe(true);
  });

  it("hides unexpected errors behind a generic message", () => {
    const logged = vi.spyOn(logger(), "error").mockImplementation(() => undefined);
    const { message } = formStateFromError(new Error("connection refused at 10.0.0.1"), {});
    expect(message).toMatch(/^Something went wrong\. Please try again\. Reference: [0-9a-f]{8}\.$/);
    // The reference the user reads is the digest on the logged error, so support can find it.
    expect(logged.mock.calls[0][0]).toMatchObject({ digest: /Reference: (\w+)/.exec(message!)![1], err: { message: "connection refused at 10.0.0.1" } });
  });
});

describe("parseId", () => {
  it("treats anything but a well-formed id as not found", () => {
    expect(parseId("6f1c2a6e-3b7d-4c1e-9a2b-1d2e3f4a5b6c")).toBe("6f1c2a6e-3b7d-4c1e-9a2b-1d2e3f4a5b6c");
    for (const bad of ["", "1", "../etc/passwd", null, 42]) expect(() => parseId(bad)).toThrow(expect.objectContaining({ code: "not_found" }));
  });
});

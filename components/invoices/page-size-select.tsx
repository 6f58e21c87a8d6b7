"use client";

// "Rows per page" applies at once with JavaScript (issue 13 item 11): a change submits the filter
// form, as "Apply filters" does, which stays the way to apply it without JavaScript. The sizes
// come as props so the client bundle does not pull in the filter parser.
export function PageSizeSelect({ size, sizes, className }: { size: number; sizes: readonly number[]; className: string }) {
  return (
    <select id="f-size" name="size" defaultValue={String(size)} onChange={(event) => event.currentTarget.form?.requestSubmit()} className={className}>
      {sizes.map((option) => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
    </select>
  );
}

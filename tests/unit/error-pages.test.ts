import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import PageError from "@/app/error";
import GlobalError from "@/app/global-error";

vi.mock("next/link", () => ({ default: (props: { href: string; children: unknown }) => createElement("a", { href: props.href }, props.children as never) }));

/** What a person sees when a page cannot be shown: calm words, a way on, never the server's internals. */
const internals = Object.assign(new Error('Invalid `prisma.note.findMany()` invocation: Can\'t reach database server at `10.0.0.5:5432`'), {
  digest: "1563024960",
});

describe("the error pages", () => {
  it.each([
    ["a page", PageError],
    ["the whole layout", GlobalError],
  ])("when %s fails: a calm message, Try again, and a reference, without the error's text", (_case, Page) => {
    const html = renderToStaticMarkup(createElement(Page, { error: internals, retry: () => {} }));
    expect(html).toContain("This page could not be shown just now");
    expect(html).toContain("Try again");
    expect(html).toContain("Reference: 1563024960");
    expect(html).not.toMatch(/prisma|database server|10\.0\.0\.5/i);
  });

  it("keeps the name and Quick exit when even the layout failed", () => {
    const html = renderToStaticMarkup(createElement(GlobalError, { error: internals, retry: () => {} }));
    expect(html).toContain("Common Ground");
    expect(html).toContain("Quick exit");
  });
});

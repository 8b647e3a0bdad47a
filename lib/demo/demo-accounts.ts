/** The demo couple's accounts, for people trying the app. Everyone knows this password. */
export const DEMO_PASSWORD = "demo-password-1";

export const DEMO_PARTNERS = [
  { displayName: "Sam", email: "sam@demo.example" },
  { displayName: "Alex", email: "alex@demo.example" },
] as const;

/** The conversation's lengths, in a module without imports so client forms can show them (decision 012). */
export const CONVERSATION_LIMITS = { agreedLine: 300, reflection: 5_000, guideLines: 12, guideLine: 200 } as const;

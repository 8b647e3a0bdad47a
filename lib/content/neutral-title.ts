/** The tab title of every page for someone who chose neutral titles: says nothing about the app. */
export const NEUTRAL_TAB_TITLE = "Notes";
